import { Body, Controller, HttpCode, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import {
  banDomainSchema,
  idParams,
  rejectSchema,
  resolveReportSchema,
} from '../../recruiters/moderation.schemas';
import { ModerationService } from '../../recruiters/moderation.service';
import { CsrfTokens } from '../kit/csrf';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { ModerationPage, OperatorSignInPage } from './moderation.page';
import { RecruiterSession } from './recruiter-session';

const str = (v: unknown, max = 1000) => (typeof v === 'string' ? v.slice(0, max) : '');

/** /recruiters/moderation: the operators' queue in the browser (ADMIN_TOKEN proven once). */
@Controller('recruiters/moderation')
export class ModerationPagesController {
  constructor(
    @Inject(ModerationService) private readonly moderation: ModerationService,
    @Inject(RecruiterSession) private readonly session: RecruiterSession,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  @Get()
  @HtmlPage()
  async queue(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!this.session.isOperator(request))
      return renderDocument(<OperatorSignInPage csrfToken={this.csrf.issue(request, reply)} />);
    return renderDocument(
      <ModerationPage csrfToken={this.csrf.issue(request, reply)} queue={await this.moderation.queue()} />,
    );
  }

  @Post('sign-in')
  @HttpCode(200)
  @HtmlPage()
  signIn(
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (this.session.operatorSignIn(reply, str(body?.token, 500))) {
      reply.redirect('/recruiters/moderation', 303);
      return '';
    }
    reply.status(403);
    return renderDocument(
      <OperatorSignInPage
        csrfToken={this.csrf.issue(request, reply)}
        error="That is not the operator token."
      />,
    );
  }

  @Post(':kind/:id/:action')
  @HttpCode(200)
  @HtmlPage()
  async decide(
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!this.session.isOperator(request)) throw new ApiError('FORBIDDEN', 'operators only');
    const { id } = parseInput(idParams, { id: params.id }, 'params');
    const what = `${params.kind}/${params.action}`;
    if (what === 'postings/approve') await this.moderation.approve(id);
    else if (what === 'postings/reject')
      await this.moderation.reject(
        id,
        parseInput(rejectSchema, { reason: str(body?.reason) }, 'body').reason,
      );
    else if (what === 'organizations/verify') await this.moderation.verify(id);
    else if (what === 'reports/resolve') {
      const input = parseInput(
        resolveReportSchema,
        { resolution: str(body?.resolution), closeListing: body?.closeListing === 'true' },
        'body',
      );
      await this.moderation.resolveReport(id, input.resolution, input.closeListing);
    } else throw new ApiError('NOT_FOUND', 'no such action');
    reply.redirect('/recruiters/moderation', 303);
    return '';
  }

  @Post('domains')
  @HttpCode(200)
  @HtmlPage()
  async ban(
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!this.session.isOperator(request)) throw new ApiError('FORBIDDEN', 'operators only');
    const input = parseInput(
      banDomainSchema,
      { domain: str(body?.domain, 253), reason: str(body?.reason) },
      'body',
    );
    await this.moderation.banDomain(input.domain, input.reason);
    reply.redirect('/recruiters/moderation', 303);
    return '';
  }
}
