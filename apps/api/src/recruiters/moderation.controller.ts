import { Body, Controller, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard } from '../admin-sources/admin-token.guard';
import { endpointInput } from '../http/endpoint-input';
import { banDomainSchema, idParams, rejectSchema, resolveReportSchema } from './moderation.schemas';
import { ModerationService } from './moderation.service';

const ITEM = endpointInput({ params: idParams });
const REJECT = endpointInput({
  params: idParams,
  body: rejectSchema,
  bodyExample: {
    reason: 'Pay is per chart but no rate is given; the employer cannot be found at that address.',
  },
});
const BAN = endpointInput({
  body: banDomainSchema,
  bodyExample: { domain: 'quick-coding-jobs.example', reason: 'Advance-fee scam' },
});
const RESOLVE = endpointInput({
  params: idParams,
  body: resolveReportSchema,
  bodyExample: { resolution: 'Confirmed a scam: withdrawn', closeListing: true },
});

/** The operators' moderation queue, behind ADMIN_TOKEN like the other admin routes. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminTokenGuard)
@Controller('api/v1/admin/moderation')
export class ModerationController {
  constructor(@Inject(ModerationService) private readonly moderation: ModerationService) {}

  @Get()
  @ApiOperation({
    summary:
      'Postings waiting for review (with the preview warnings), open reports, unverified organizations, banned domains.',
  })
  @ApiOkResponse({
    schema: { example: { review: [], reports: [], unverifiedOrganizations: [], bannedDomains: [] } },
  })
  queue() {
    return this.moderation.queue();
  }

  @Post('postings/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a posting in review: it is published and searchable at once.' })
  @ITEM.docs
  approve(@Param(ITEM.params) p: { id: string }) {
    return this.moderation.approve(p.id);
  }

  @Post('postings/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a posting in review, with a reason the recruiter reads.' })
  @REJECT.docs
  reject(@Param(REJECT.params) p: { id: string }, @Body(REJECT.body) body: { reason: string }) {
    return this.moderation.reject(p.id, body.reason);
  }

  @Post('organizations/:id/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify an organization by hand: its postings publish without review from now on.',
  })
  @ITEM.docs
  verify(@Param(ITEM.params) p: { id: string }) {
    return this.moderation.verify(p.id);
  }

  @Post('domains')
  @HttpCode(200)
  @ApiOperation({
    summary: "Ban a domain: its addresses cannot sign in and its organizations' open postings close.",
  })
  @BAN.docs
  ban(@Body(BAN.body) body: { domain: string; reason: string }) {
    return this.moderation.banDomain(body.domain, body.reason);
  }

  @Post('reports/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: "Resolve a seeker's report, optionally withdrawing the recruiter's posting it is about.",
  })
  @RESOLVE.docs
  resolve(
    @Param(RESOLVE.params) p: { id: string },
    @Body(RESOLVE.body) body: { resolution: string; closeListing: boolean },
  ) {
    return this.moderation.resolveReport(p.id, body.resolution, body.closeListing);
  }
}
