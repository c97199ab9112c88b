import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { endpointInput } from '../http/endpoint-input';
import { previewSchema, type PreviewInput } from './postings-preview.schema';
import { PostingsPreviewService } from './postings-preview.service';

const EXAMPLE = {
  title: 'Remote Outpatient Coder',
  employer: 'Mercy Valley Health',
  description:
    '<p>Code ED and observation records with ICD-10-CM and CPT.</p><ul><li>CPC or CCS required; CPC-A welcome</li>' +
    '<li>2+ years of outpatient coding</li></ul><p>Remote - must reside in TX, OK or AR. $24.00 - $29.00/hr.</p>',
};

const PREVIEW = endpointInput({ body: previewSchema, bodyExample: EXAMPLE });

@ApiTags('postings')
@Controller('api/v1/postings')
export class PostingsPreviewController {
  constructor(@Inject(PostingsPreviewService) private readonly previews: PostingsPreviewService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What CoderJobs reads from a posting: the normalized listing plus, for each fact, the phrase it was read from.',
  })
  @PREVIEW.docs
  @ApiOkResponse({
    schema: {
      example: {
        listing: {
          title: 'Remote Outpatient Coder',
          role: 'coder',
          workMode: 'remote',
          remoteStates: ['AR', 'OK', 'TX'],
        },
        evidence: [
          {
            field: 'remoteStates',
            value: ['AR', 'OK', 'TX'],
            phrase: 'Remote - must reside in TX, OK or AR',
          },
        ],
      },
    },
  })
  preview(@Body(PREVIEW.body) input: PreviewInput) {
    return this.previews.preview(input);
  }
}
