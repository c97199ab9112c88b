import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { samplePostingExample } from './posting-example';
import { endpointInput } from '../http/endpoint-input';
import {
  closePostingSchema,
  createPostingSchema,
  previewPostingSchema,
  statsQuery,
  updatePostingSchema,
  type CreatePostingInput,
  type UpdatePostingInput,
} from './posting.schemas';
import { RecruiterAuth } from './recruiter-auth.service';
import { RecruiterPostingsService } from './recruiter-postings.service';
import { FORBIDDEN_EXAMPLE, ORG_ID, POSTING_ID } from './recruiters.openapi';
import { orgItemParams, orgParams } from './recruiters.schemas';
import type { CloseReason, PostingForm } from '#recruiting';

const ORG = endpointInput({ params: orgParams });
const ITEM = endpointInput({ params: orgItemParams });
const CREATE = endpointInput({
  params: orgParams,
  body: createPostingSchema,
  bodyExample: { posting: samplePostingExample, submit: true },
});
const UPDATE = endpointInput({
  params: orgItemParams,
  body: updatePostingSchema,
  bodyExample: { posting: samplePostingExample, version: 2 },
});
const PREVIEW = endpointInput({
  params: orgParams,
  body: previewPostingSchema,
  bodyExample: { posting: samplePostingExample },
});
const CLOSE = endpointInput({
  params: orgItemParams,
  body: closePostingSchema,
  bodyExample: { reason: 'filled' },
});
const STATS = endpointInput({ params: orgParams, query: statsQuery });
const ITEM_STATS = endpointInput({ params: orgItemParams, query: statsQuery });

const POSTING_EXAMPLE = {
  id: POSTING_ID,
  organizationId: ORG_ID,
  state: 'published',
  closedReason: null,
  rejectReason: null,
  title: samplePostingExample.title,
  posting: samplePostingExample,
  publishedAt: '2026-03-01T12:00:00.000Z',
  validThrough: '2026-03-31T12:00:00.000Z',
  renewableFrom: '2026-03-24T12:00:00.000Z',
  repostedFrom: null,
  version: 2,
  listingPath: `/jobs/${POSTING_ID}`,
  createdAt: '2026-03-01T11:58:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
};

type OrgParams = { orgId: string };
type ItemParams = { orgId: string; id: string };

/**
 * An organization's postings, with a session or the organization's API key (an ATS): write, preview,
 * submit, edit, renew, close, repost, and the daily stats. Another organization's posting answers 404.
 */
@ApiTags('recruiters')
@ApiBearerAuth()
@ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
@Controller('api/v1/recruiter/orgs/:orgId/postings')
export class RecruiterPostingsController {
  constructor(
    @Inject(RecruiterPostingsService) private readonly postings: RecruiterPostingsService,
    @Inject(RecruiterAuth) private readonly auth: RecruiterAuth,
  ) {}

  private async access(authorization: string | undefined, orgId: string) {
    return this.auth.access(await this.auth.fromAuthorization(authorization), orgId);
  }

  @Get()
  @ApiOperation({ summary: 'Postings, newest change first, with their states and stats totals.' })
  @ORG.docs
  async list(@Param(ORG.params) p: OrgParams, @Headers('authorization') authorization?: string) {
    return this.postings.list(await this.access(authorization, p.orgId));
  }

  @Post()
  @ApiOperation({
    summary:
      'Write a posting: a draft, or with submit published at once (verified organizations) or sent to review.',
  })
  @CREATE.docs
  @ApiCreatedResponse({ schema: { example: POSTING_EXAMPLE } })
  async create(
    @Param(CREATE.params) p: OrgParams,
    @Body(CREATE.body) body: CreatePostingInput,
    @Headers('authorization') authorization?: string,
  ) {
    return this.postings.create(await this.access(authorization, p.orgId), body.posting, body.submit);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What seekers will see, what CoderJobs reads from the description, and warnings where they disagree (stores nothing).',
  })
  @PREVIEW.docs
  @ApiOkResponse({
    schema: {
      example: {
        listing: { title: samplePostingExample.title, remoteStates: ['OK', 'TX'] },
        read: { certifications: { required: ['CPC'] }, evidence: [] },
        warnings: [
          {
            code: 'CREDENTIAL_NOT_IN_FIELDS',
            field: 'credentials.required',
            message: 'The description says CPC required; the credentials field is empty.',
          },
        ],
      },
    },
  })
  async preview(
    @Param(PREVIEW.params) p: OrgParams,
    @Body(PREVIEW.body) body: { posting: PostingForm },
    @Headers('authorization') authorization?: string,
  ) {
    await this.access(authorization, p.orgId);
    return this.postings.preview(body.posting);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Daily views, search appearances and apply clicks of every posting.' })
  @STATS.docs
  async stats(
    @Param(STATS.params) p: OrgParams,
    @Query(STATS.query) q: { days: number },
    @Headers('authorization') authorization?: string,
  ) {
    return this.postings.stats(await this.access(authorization, p.orgId), null, q.days);
  }

  @Get('stats.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="posting-stats.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same daily stats as CSV.' })
  @STATS.docs
  async statsCsv(
    @Param(STATS.params) p: OrgParams,
    @Query(STATS.query) q: { days: number },
    @Headers('authorization') authorization?: string,
  ) {
    return this.postings.statsCsv(await this.access(authorization, p.orgId), q.days);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One posting.' })
  @ITEM.docs
  @ApiOkResponse({ schema: { example: POSTING_EXAMPLE } })
  async get(@Param(ITEM.params) p: ItemParams, @Headers('authorization') authorization?: string) {
    return this.postings.get(await this.access(authorization, p.orgId), p.id);
  }

  @Put(':id')
  @ApiOperation({
    summary:
      "Edit (name the version read). A verified organization's published posting changes at once; an unverified one's goes back to review.",
  })
  @UPDATE.docs
  @ApiOkResponse({ schema: { example: POSTING_EXAMPLE } })
  @ApiConflictResponse({
    schema: {
      example: { error: { code: 'CONFLICT', message: 'the posting changed since version 2: read it again' } },
    },
  })
  async update(
    @Param(UPDATE.params) p: ItemParams,
    @Body(UPDATE.body) body: UpdatePostingInput,
    @Headers('authorization') authorization?: string,
  ) {
    return this.postings.update(await this.access(authorization, p.orgId), p.id, body.posting, body.version);
  }

  @Get(':id/stats')
  @ApiOperation({ summary: "One posting's daily stats." })
  @ITEM_STATS.docs
  async postingStats(
    @Param(ITEM_STATS.params) p: ItemParams,
    @Query(ITEM_STATS.query) q: { days: number },
    @Headers('authorization') authorization?: string,
  ) {
    return this.postings.stats(await this.access(authorization, p.orgId), p.id, q.days);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft (or a rejected posting after editing it).' })
  @ITEM.docs
  async submit(@Param(ITEM.params) p: ItemParams, @Headers('authorization') authorization?: string) {
    return this.postings.act(await this.access(authorization, p.orgId), p.id, 'submit');
  }

  @Post(':id/renew')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew for another 30 days, in the 7 days before it expires.' })
  @ITEM.docs
  async renew(@Param(ITEM.params) p: ItemParams, @Headers('authorization') authorization?: string) {
    return this.postings.act(await this.access(authorization, p.orgId), p.id, 'renew');
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close as filled or withdrawn: it leaves search at once.' })
  @CLOSE.docs
  async close(
    @Param(CLOSE.params) p: ItemParams,
    @Body(CLOSE.body) body: { reason: CloseReason },
    @Headers('authorization') authorization?: string,
  ) {
    return this.postings.close(await this.access(authorization, p.orgId), p.id, body.reason);
  }

  @Post(':id/repost')
  @ApiOperation({ summary: 'Post a closed or expired posting again, as a new posting with a new id.' })
  @ITEM.docs
  @ApiCreatedResponse({ schema: { example: POSTING_EXAMPLE } })
  async repost(@Param(ITEM.params) p: ItemParams, @Headers('authorization') authorization?: string) {
    return this.postings.repost(await this.access(authorization, p.orgId), p.id);
  }
}
