import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { endpointInput } from '../http/endpoint-input';
import { RecruiterAccountsService } from './recruiter-accounts.service';
import { RecruiterAuth } from './recruiter-auth.service';
import {
  API_KEY_EXAMPLE,
  AUDIT_EXAMPLE,
  FORBIDDEN_EXAMPLE,
  ORGANIZATION_EXAMPLE,
} from './recruiters.openapi';
import {
  apiKeySchema,
  auditQuery,
  invitationSchema,
  orgItemParams,
  organizationPatchSchema,
  orgParams,
  type InvitationInput,
  type OrganizationPatch,
} from './recruiters.schemas';

const ORG = endpointInput({ params: orgParams });
const PATCH_ORG = endpointInput({
  params: orgParams,
  body: organizationPatchSchema,
  bodyExample: { name: 'Mercy Valley Health System' },
});
const ITEM = endpointInput({ params: orgItemParams });
const INVITE = endpointInput({
  params: orgParams,
  body: invitationSchema,
  bodyExample: { email: 'sam@mercyvalley.example', role: 'recruiter' },
});
const KEY = endpointInput({
  params: orgParams,
  body: apiKeySchema,
  bodyExample: { name: 'Greenhouse sync' },
});
const AUDIT = endpointInput({ params: orgParams, query: auditQuery });

type OrgParams = { orgId: string };
type ItemParams = { orgId: string; id: string };

/**
 * An organization, its members, invitations, API keys and audit log. Members read; owners change.
 * Another organization's id answers 403, whether or not it exists.
 */
@ApiTags('recruiters')
@ApiBearerAuth()
@ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
@Controller('api/v1/recruiter/orgs/:orgId')
export class OrganizationsController {
  constructor(
    @Inject(RecruiterAccountsService) private readonly accounts: RecruiterAccountsService,
    @Inject(RecruiterAuth) private readonly auth: RecruiterAuth,
  ) {}

  private async access(
    authorization: string | undefined,
    orgId: string,
    need: 'member' | 'owner' = 'member',
  ) {
    return this.auth.access(await this.auth.fromAuthorization(authorization), orgId, need);
  }

  @Get()
  @ApiOperation({ summary: 'The organization (session or API key).' })
  @ORG.docs
  @ApiOkResponse({ schema: { example: ORGANIZATION_EXAMPLE } })
  async get(@Param(ORG.params) p: OrgParams, @Headers('authorization') authorization?: string) {
    return this.accounts.organization(await this.access(authorization, p.orgId));
  }

  @Patch()
  @ApiOperation({
    summary: 'Change the name, kind or website (owners). A new website must be verified again.',
  })
  @PATCH_ORG.docs
  @ApiOkResponse({ schema: { example: ORGANIZATION_EXAMPLE } })
  async update(
    @Param(PATCH_ORG.params) p: OrgParams,
    @Body(PATCH_ORG.body) body: OrganizationPatch,
    @Headers('authorization') authorization?: string,
  ) {
    return this.accounts.updateOrganization(await this.access(authorization, p.orgId, 'owner'), body);
  }

  @Get('members')
  @ApiOperation({ summary: 'Members and their roles.' })
  @ORG.docs
  @ApiOkResponse({
    schema: {
      example: [
        { id: '…', email: 'pat@mercyvalley.example', role: 'owner', since: '2026-03-01T12:00:00.000Z' },
      ],
    },
  })
  async members(@Param(ORG.params) p: OrgParams, @Headers('authorization') authorization?: string) {
    return this.accounts.members(await this.access(authorization, p.orgId));
  }

  @Delete('members/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a member (owners); their sessions stop opening the organization at once.',
  })
  @ITEM.docs
  @ApiNoContentResponse({ description: 'Removed.' })
  async removeMember(@Param(ITEM.params) p: ItemParams, @Headers('authorization') authorization?: string) {
    await this.accounts.removeMember(await this.access(authorization, p.orgId, 'owner'), p.id);
  }

  @Get('invitations')
  @ApiOperation({ summary: 'Pending invitations (owners).' })
  @ORG.docs
  async invitations(@Param(ORG.params) p: OrgParams, @Headers('authorization') authorization?: string) {
    return this.accounts.invitations(await this.access(authorization, p.orgId, 'owner'));
  }

  @Post('invitations')
  @ApiOperation({
    summary: 'Invite by e-mail (owners): the link is mailed, valid 7 days, for that address only.',
  })
  @INVITE.docs
  @ApiCreatedResponse({
    schema: {
      example: {
        id: '…',
        email: 'sam@mercyvalley.example',
        role: 'recruiter',
        expiresAt: '2026-03-08T12:00:00.000Z',
      },
    },
  })
  async invite(
    @Param(INVITE.params) p: OrgParams,
    @Body(INVITE.body) body: InvitationInput,
    @Headers('authorization') authorization?: string,
  ) {
    return this.accounts.invite(await this.access(authorization, p.orgId, 'owner'), body);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a pending invitation (owners).' })
  @ITEM.docs
  async revokeInvitation(
    @Param(ITEM.params) p: ItemParams,
    @Headers('authorization') authorization?: string,
  ) {
    await this.accounts.revokeInvitation(await this.access(authorization, p.orgId, 'owner'), p.id);
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'API keys (owners): names and labels, never the keys.' })
  @ORG.docs
  async keys(@Param(ORG.params) p: OrgParams, @Headers('authorization') authorization?: string) {
    return this.accounts.keys(await this.access(authorization, p.orgId, 'owner'));
  }

  @Post('api-keys')
  @ApiOperation({
    summary: 'Create an API key for an ATS (owners). The key is in this answer only: keep it.',
  })
  @KEY.docs
  @ApiCreatedResponse({ schema: { example: API_KEY_EXAMPLE } })
  async createKey(
    @Param(KEY.params) p: OrgParams,
    @Body(KEY.body) body: { name: string },
    @Headers('authorization') authorization?: string,
  ) {
    return this.accounts.createKey(await this.access(authorization, p.orgId, 'owner'), body.name);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (owners); it stops working at once.' })
  @ITEM.docs
  async revokeKey(@Param(ITEM.params) p: ItemParams, @Headers('authorization') authorization?: string) {
    await this.accounts.revokeKey(await this.access(authorization, p.orgId, 'owner'), p.id);
  }

  @Get('audit')
  @ApiOperation({
    summary: 'The audit log (owners), newest first: who changed what, as a field diff. Append-only.',
  })
  @AUDIT.docs
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLE } })
  async audit(
    @Param(AUDIT.params) p: OrgParams,
    @Query(AUDIT.query) q: { before?: string; limit: number },
    @Headers('authorization') authorization?: string,
  ) {
    return this.accounts.auditLog(await this.access(authorization, p.orgId, 'owner'), q.limit, q.before);
  }
}
