import { Body, Controller, HttpCode, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import { clientKey } from '../../recruiters/client-key';
import { RecruiterAccountsService } from '../../recruiters/recruiter-accounts.service';
import { signInSchema } from '../../recruiters/recruiters.schemas';
import { CsrfTokens } from '../kit/csrf';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { RecruiterSession } from './recruiter-session';
import { AcceptInvitationPage, ConfirmSignInPage, SignInPage } from './sign-in.page';

/** Where to go after signing in: a path on this site only. */
const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/recruiters(\/[A-Za-z0-9/_?=&.-]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : '/recruiters';

/** Signing in and out, and accepting an invitation, in the browser. */
@Controller('recruiters')
export class RecruiterSignInController {
  constructor(
    @Inject(RecruiterAccountsService) private readonly accounts: RecruiterAccountsService,
    @Inject(RecruiterSession) private readonly session: RecruiterSession,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  @Get('sign-in')
  @HtmlPage()
  signInForm(
    @Query('next') next: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return renderDocument(
      <SignInPage csrfToken={this.csrf.issue(request, reply)} email="" next={safeNext(next)} />,
    );
  }

  @Post('sign-in')
  @HttpCode(200)
  @HtmlPage()
  async signIn(
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const email = typeof body?.email === 'string' ? body.email.slice(0, 254) : '';
    try {
      const { email: normalized } = parseInput(signInSchema, { email }, 'body');
      await this.accounts.requestSignIn(normalized, clientKey(request.ip));
      return renderDocument(
        <SignInPage csrfToken={this.csrf.issue(request, reply)} email={normalized} sent />,
      );
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      reply.status(err.status);
      const message =
        err.code === 'VALIDATION_FAILED'
          ? 'Enter an e-mail address, like pat@mercyvalley.org'
          : err.code === 'RATE_LIMITED'
            ? 'Too many links asked for: try again in an hour.'
            : err.message;
      return renderDocument(
        <SignInPage
          csrfToken={this.csrf.issue(request, reply)}
          email={email}
          error={message}
          next={safeNext(body?.next)}
        />,
      );
    }
  }

  @Get('sign-in/confirm')
  @HtmlPage()
  confirmForm(
    @Query('token') token: string | undefined,
    @Query('next') next: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return renderDocument(
      <ConfirmSignInPage
        csrfToken={this.csrf.issue(request, reply)}
        token={(token ?? '').slice(0, 200)}
        next={safeNext(next)}
      />,
    );
  }

  @Post('sign-in/confirm')
  @HttpCode(200)
  @HtmlPage()
  async confirm(
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const token = typeof body?.token === 'string' ? body.token : '';
    const { sessionToken } = await this.accounts.signIn(token);
    this.session.remember(reply, sessionToken);
    reply.redirect(safeNext(body?.next), 303);
    return '';
  }

  @Post('sign-out')
  @HttpCode(200)
  @HtmlPage()
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = this.session.token(request);
    if (token) await this.accounts.signOut(token);
    this.session.forget(reply);
    reply.redirect('/recruiters/sign-in', 303);
    return '';
  }

  @Get('invitations/accept')
  @HtmlPage()
  async acceptForm(
    @Query('token') token: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const p = await this.session.required(request, reply);
    if (!p) return '';
    return renderDocument(
      <AcceptInvitationPage
        csrfToken={this.csrf.issue(request, reply)}
        token={(token ?? '').slice(0, 200)}
        email={p.email}
      />,
    );
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @HtmlPage()
  async accept(
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const p = await this.session.required(request, reply);
    if (!p) return '';
    const org = await this.accounts.accept(p, typeof body?.token === 'string' ? body.token : '');
    reply.redirect(`/recruiters/orgs/${org.id}`, 303);
    return '';
  }
}
