import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { parseInput } from '../http/parse-input';
import { PostingsPreviewService } from './postings-preview.service';

export type PreviewInput = z.output<typeof previewSchema>;

export const previewSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(300, 'title must be at most 300 characters'),
  description: z.string().max(200_000, 'description must be at most 200,000 characters').default(''),
  format: z.enum(['html', 'text']).optional(),
  employer: z.string().trim().max(200).optional(),
  location: z.string().trim().max(200).optional(),
  employmentType: z.string().trim().max(50).optional(),
});

const EXAMPLE = {
  title: 'Remote Outpatient Coder',
  employer: 'Mercy Valley Health',
  description:
    '<p>Code ED and observation records with ICD-10-CM and CPT.</p><ul><li>CPC or CCS required; CPC-A welcome</li>' +
    '<li>2+ years of outpatient coding</li></ul><p>Remote - must reside in TX, OK or AR. $24.00 - $29.00/hr.</p>',
};

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
  @ApiBody({ schema: { ...z.toJSONSchema(previewSchema, { io: 'input' }), example: EXAMPLE } as object })
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
  preview(@Body() body: unknown) {
    return this.previews.preview(parseInput(previewSchema, body, 'body'));
  }
}
