import { Body, Controller, HttpCode, Get, Header, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import { RecruiterAccountsService } from '../../recruiters/recruiter-accounts.service';
import { RecruiterPostingsService } from '../../recruiters/recruiter-postings.service';
import type { OrgAccess } from '../../recruiters/recruiter-principal';
import {
  apiKeySchema,
  invitationSchema,
  organizationSchema,
  orgItemParams,
  orgParams,
} from '../../recruiters/recruiters.schemas';
import { CsrfTokens } from '../kit/csrf';
import { formErrors } from '../kit/form-errors';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { DashboardPage } from './dashboard.page';
import { AuditPage, OrganizationPage } from './organization.page';
import { RecruiterSession } from './recruiter-session';

const str = (v: unknown, max = 500) => (typeof v === 'string' ? v.slice(0, max) : '');

/** /recruiters and an organization's pages: postings, members, invitations, keys, audit log. */
@Controller('recruiters')
export class RecruiterDashboardController {
  constructor(
    @Inject(RecruiterAccountsService) private readonly accounts: RecruiterAccountsService,
    @Inject(RecruiterPostingsService) private readonly postings: RecruiterPostingsService,
    @Inject(RecruiterSession) private readonly session: RecruiterSession,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  @Get()
  @HtmlPage()
  async dashboard(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const p = await this.session.required(request, reply);
    if (!p) return '';
    const me = await this.accounts.me(p);
    return renderDocument(
      <DashboardPage
        csrfToken={this.csrf.issue(request, reply)}
        email={me.email}
        organizations={me.organizations}
        values={{ name: '', kind: 'employer', website: '' }}
        errors={[]}
        fieldErrors={{}}
      />,
    );
  }

  @Post('orgs')
  @HttpCode(200)
  @HtmlPage()
  async createOrganization(
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const p = await this.session.required(request, reply);
    if (!p) return '';
    const values = {
      name: str(body?.name, 200),
      kind: str(body?.kind, 20) || 'employer',
      website: str(body?.website),
    };
    try {
      const org = await this.accounts.createOrganization(
        p,
        parseInput(organizationSchema, { ...values, website: values.website || null }, 'body'),
      );
      reply.redirect(`/recruiters/orgs/${org.id}`, 303);
      return '';
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      reply.status(err.status);
      const { errors, fieldErrors } = formErrors(err, (path) =>
        ['name', 'kind', 'website'].includes(path) ? path : null,
      );
      const me = await this.accounts.me(p);
      return renderDocument(
        <DashboardPage
          csrfToken={this.csrf.issue(request, reply)}
          email={me.email}
          organizations={me.organizations}
          values={values}
          errors={errors}
          fieldErrors={fieldErrors}
        />,
      );
    }
  }

  private async access(
    request: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    need: 'member' | 'owner' = 'member',
  ): Promise<OrgAccess | null> {
    const p = await this.session.required(request, reply);
    if (!p) return null;
    return this.session.access(p, parseInput(orgParams, { orgId }, 'params').orgId, need);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    access: OrgAccess,
    extra: { newKey?: string; notice?: string } = {},
  ) {
    const owner = access.role === 'owner';
    return renderDocument(
      <OrganizationPage
        csrfToken={this.csrf.issue(request, reply)}
        org={this.accounts.organization(access)}
        postings={await this.postings.list(access)}
        members={await this.accounts.members(access)}
        invitations={owner ? await this.accounts.invitations(access) : []}
        keys={owner ? await this.accounts.keys(access) : []}
        {...extra}
      />,
    );
  }

  @Get('orgs/:orgId')
  @HtmlPage()
  async organization(
    @Param('orgId') orgId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId);
    return access ? this.render(request, reply, access) : '';
  }

  @Post('orgs/:orgId/invitations')
  @HttpCode(200)
  @HtmlPage()
  async invite(
    @Param('orgId') orgId: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId, 'owner');
    if (!access) return '';
    const input = parseInput(
      invitationSchema,
      { email: str(body?.email, 254), role: str(body?.role, 20) || 'recruiter' },
      'body',
    );
    await this.accounts.invite(access, input);
    return this.render(request, reply, access, { notice: `Invitation sent to ${input.email}.` });
  }

  @Post('orgs/:orgId/members/:id/remove')
  @HttpCode(200)
  @HtmlPage()
  async removeMember(
    @Param() params: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { orgId, id } = parseInput(orgItemParams, params, 'params');
    const access = await this.access(request, reply, orgId, 'owner');
    if (!access) return '';
    await this.accounts.removeMember(access, id);
    reply.redirect(`/recruiters/orgs/${orgId}`, 303);
    return '';
  }

  @Post('orgs/:orgId/api-keys')
  @HttpCode(200)
  @HtmlPage()
  async createKey(
    @Param('orgId') orgId: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId, 'owner');
    if (!access) return '';
    const { name } = parseInput(apiKeySchema, { name: str(body?.name, 100) }, 'body');
    const created = await this.accounts.createKey(access, name);
    // The key is shown in this answer only; the page is private and not cached.
    return this.render(request, reply, access, { newKey: created.key });
  }

  @Post('orgs/:orgId/api-keys/:id/revoke')
  @HttpCode(200)
  @HtmlPage()
  async revokeKey(
    @Param() params: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { orgId, id } = parseInput(orgItemParams, params, 'params');
    const access = await this.access(request, reply, orgId, 'owner');
    if (!access) return '';
    await this.accounts.revokeKey(access, id);
    reply.redirect(`/recruiters/orgs/${orgId}`, 303);
    return '';
  }

  @Get('orgs/:orgId/audit')
  @HtmlPage()
  async audit(
    @Param('orgId') orgId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId, 'owner');
    if (!access) return '';
    const log = await this.accounts.auditLog(access, 200);
    return renderDocument(<AuditPage org={this.accounts.organization(access)} entries={log.entries} />);
  }

  @Get('orgs/:orgId/stats.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="posting-stats.csv"')
  @Header('Cache-Control', 'private, no-cache')
  @ApiExcludeEndpoint()
  async statsCsv(
    @Param('orgId') orgId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId);
    return access ? this.postings.statsCsv(access, 365) : '';
  }
}
