import { Body, Controller, HttpCode, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOSE_REASONS, postingFormSchema, type CloseReason, type PostingForm } from '#recruiting';
import { EMPLOYMENT_TYPE_NAMES, ROLE_NAMES } from '#taxonomy';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import { RecruiterAccountsService } from '../../recruiters/recruiter-accounts.service';
import { RecruiterPostingsService, type PostingView } from '../../recruiters/recruiter-postings.service';
import type { OrgAccess } from '../../recruiters/recruiter-principal';
import { orgItemParams, orgParams } from '../../recruiters/recruiters.schemas';
import { CsrfTokens } from '../kit/csrf';
import { formErrors } from '../kit/form-errors';
import { HtmlPage, renderDocument } from '../kit/html-page';
import {
  EMPTY_POSTING_FORM,
  postingBody,
  postingFieldOf,
  postingFormValues,
  readPostingForm,
  type PostingFormValues,
} from './posting-form-fields';
import { PostingEditPage, type PostingPreview } from './posting-edit.page';
import { RecruiterSession } from './recruiter-session';

const money = (n: number | null | undefined) => (n == null ? '?' : `$${n.toLocaleString('en-US')}`);

/** The preview in words: what the listing will say, and what was read from the description. */
function previewOf(service: RecruiterPostingsService, form: PostingForm): PostingPreview {
  const { listing, read, warnings } = service.preview(form);
  const remote =
    listing.workMode === 'onsite'
      ? 'On site'
      : `${listing.workMode === 'remote' ? 'Remote' : 'Hybrid'}: ${
          listing.remoteStates
            ? `residents of ${listing.remoteStates.join(', ')}`
            : listing.remoteExcludedStates.length > 0
              ? `every state but ${listing.remoteExcludedStates.join(', ')}`
              : 'every state'
        }`;
  const certs = listing.certifications;
  const summary = [
    ROLE_NAMES[listing.role],
    remote,
    ...(listing.locations.length > 0
      ? [listing.locations.map((l) => `${l.city}, ${l.state}`).join('; ')]
      : []),
    certs.required.length + certs.anyOf.length > 0
      ? `Requires ${[certs.required.join(' and '), ...certs.anyOf.map((g) => g.join(' or '))].filter(Boolean).join('; ')}`
      : 'No credential required',
    listing.salary
      ? `${money(listing.salary.min)} to ${money(listing.salary.max)} per ${listing.salary.period}`
      : 'Pay not given',
    EMPLOYMENT_TYPE_NAMES[listing.employmentType],
  ];
  const readWords = [
    `Role: ${ROLE_NAMES[read.role]}`,
    `Credentials required: ${[...read.certifications.required, ...read.certifications.anyOf.map((g) => g.join(' or '))].join(', ') || 'none named'}`,
    `Work mode: ${read.workMode}${read.remoteStates ? ` (${read.remoteStates.join(', ')})` : ''}`,
    `Pay: ${read.salary ? `${money(read.salary.min)} to ${money(read.salary.max)} per ${read.salary.period}` : 'none found'}`,
    `Experience: ${read.minYearsExperience ?? 'none named'}`,
  ];
  return {
    title: listing.title,
    employer: listing.employer,
    summary,
    descriptionText: listing.descriptionText,
    read: readWords,
    warnings,
  };
}

/** A posting's pages: the form with its preview, and the lifecycle's buttons. */
@Controller('recruiters/orgs/:orgId/postings')
export class PostingPagesController {
  constructor(
    @Inject(RecruiterPostingsService) private readonly postings: RecruiterPostingsService,
    @Inject(RecruiterAccountsService) private readonly accounts: RecruiterAccountsService,
    @Inject(RecruiterSession) private readonly session: RecruiterSession,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  private async access(
    request: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
  ): Promise<OrgAccess | null> {
    const p = await this.session.required(request, reply);
    if (!p) return null;
    return this.session.access(p, parseInput(orgParams, { orgId }, 'params').orgId);
  }

  private page(
    request: FastifyRequest,
    reply: FastifyReply,
    access: OrgAccess,
    props: {
      posting: PostingView | null;
      values: PostingFormValues;
      preview?: PostingPreview | null;
      err?: ApiError;
      notice?: string;
    },
  ) {
    const { errors, fieldErrors } = props.err
      ? formErrors(props.err, postingFieldOf)
      : { errors: [], fieldErrors: {} };
    return renderDocument(
      <PostingEditPage
        csrfToken={this.csrf.issue(request, reply)}
        org={this.accounts.organization(access)}
        posting={props.posting}
        values={props.values}
        preview={props.preview ?? null}
        errors={errors}
        fieldErrors={fieldErrors}
        notice={props.notice}
      />,
    );
  }

  @Get('new')
  @HtmlPage()
  async newPosting(
    @Param('orgId') orgId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId);
    if (!access) return '';
    const values = {
      ...EMPTY_POSTING_FORM,
      employer: access.organization.kind === 'employer' ? access.organization.name : '',
    };
    return this.page(request, reply, access, { posting: null, values });
  }

  /** Preview, save a draft, or publish / send for review, from one form. */
  @Post()
  @HttpCode(200)
  @HtmlPage()
  async create(
    @Param('orgId') orgId: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.access(request, reply, orgId);
    if (!access) return '';
    const values = readPostingForm(body ?? {});
    try {
      const form = parseInput(postingFormSchema, postingBody(values), 'body');
      if (body?.intent === 'preview')
        return this.page(request, reply, access, {
          posting: null,
          values,
          preview: previewOf(this.postings, form),
        });
      const created = await this.postings.create(access, form, body?.intent === 'submit');
      reply.redirect(`/recruiters/orgs/${orgId}/postings/${created.id}`, 303);
      return '';
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      reply.status(400);
      return this.page(request, reply, access, { posting: null, values, err });
    }
  }

  @Get(':id')
  @HtmlPage()
  async show(
    @Param() params: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { orgId, id } = parseInput(orgItemParams, params, 'params');
    const access = await this.access(request, reply, orgId);
    if (!access) return '';
    const posting = await this.postings.get(access, id);
    return this.page(request, reply, access, {
      posting,
      values: postingFormValues(posting.posting),
      preview: previewOf(this.postings, posting.posting),
    });
  }

  @Post(':id')
  @HttpCode(200)
  @HtmlPage()
  async update(
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { orgId, id } = parseInput(orgItemParams, params, 'params');
    const access = await this.access(request, reply, orgId);
    if (!access) return '';
    const posting = await this.postings.get(access, id);
    const values = readPostingForm(body ?? {});
    try {
      const form = parseInput(postingFormSchema, postingBody(values), 'body');
      if (body?.intent === 'preview')
        return this.page(request, reply, access, {
          posting,
          values,
          preview: previewOf(this.postings, form),
        });
      const version = Number(body?.version);
      const changed = await this.postings.update(access, id, form, Number.isInteger(version) ? version : 0);
      return this.page(request, reply, access, {
        posting: changed,
        values: postingFormValues(changed.posting),
        preview: previewOf(this.postings, changed.posting),
        notice: changed.state === 'review' ? 'Saved: the posting waits for review again.' : 'Saved.',
      });
    } catch (err) {
      if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 409)) throw err;
      reply.status(err.status);
      return this.page(request, reply, access, { posting, values, err });
    }
  }

  @Post(':id/:action')
  @HttpCode(200)
  @HtmlPage()
  async act(
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { orgId, id } = parseInput(orgItemParams, { orgId: params.orgId, id: params.id }, 'params');
    const access = await this.access(request, reply, orgId);
    if (!access) return '';
    let result: PostingView;
    if (params.action === 'submit' || params.action === 'renew')
      result = await this.postings.act(access, id, params.action);
    else if (params.action === 'close') {
      const reason = (CLOSE_REASONS as readonly string[]).includes(String(body?.reason))
        ? (body?.reason as CloseReason)
        : 'withdrawn';
      result = await this.postings.close(access, id, reason);
    } else if (params.action === 'repost') result = await this.postings.repost(access, id);
    else throw new ApiError('NOT_FOUND', 'no such action');
    reply.redirect(`/recruiters/orgs/${orgId}/postings/${result.id}`, 303);
    return '';
  }
}
