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
    description:
      'The description may be HTML, plain text or Markdown (with or without YAML or TOML front matter). ' +
      'A fact worked out rather than written carries `inferred` on its evidence (a pay period read from the ' +
      "amount's size, a role read from the title alone), and `listing.confidence` says per field how sure the reading is.",
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
          salary: { min: 52000, max: 61000, period: 'year' },
          confidence: {
            role: { level: 'high', basis: 'read from the duties' },
            salary: { level: 'low', basis: 'no period stated: read from the size of the amount' },
            remoteStates: { level: 'high', basis: 'states named as who may apply' },
          },
        },
        evidence: [
          {
            field: 'remoteStates',
            value: ['AR', 'OK', 'TX'],
            phrase: 'Remote - must reside in TX, OK or AR',
          },
          {
            field: 'salary',
            value: { min: 52000, max: 61000, period: 'year' },
            phrase: '$52,000 - $61,000',
            inferred: 'no period stated: read from the size of the amount',
          },
        ],
      },
    },
  })
  preview(@Body(PREVIEW.body) input: PreviewInput) {
    return this.previews.preview(input);
  }
}
