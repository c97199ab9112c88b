import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeSearch } from '#digests';
import { DigestsService } from '../../digests/digests.service';
import { scheduleSchema, subscribeSchema } from '../../digests/digest-input';
import { criteriaFromQuery } from '../../digests/search-criteria';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import { CsrfTokens, WithoutCsrfToken } from '../kit/csrf';
import { formErrors } from '../kit/form-errors';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { SeekerSession } from '../seekers/seeker-session';
import { ManagePage, NoticePage, SubscribePage, type ScheduleValues } from './digest-pages';

const DEFAULT_SCHEDULE: ScheduleValues = {
  frequency: 'daily',
  sendHour: '7',
  sendWeekday: '1',
  timeZone: 'America/New_York',
};

const text = (v: unknown, max = 2000) => (typeof v === 'string' ? v.slice(0, max) : '');
const scheduleOf = (body: Record<string, unknown>): ScheduleValues => ({
  frequency: text(body.frequency, 10) || DEFAULT_SCHEDULE.frequency,
  sendHour: text(body.sendHour, 4) || DEFAULT_SCHEDULE.sendHour,
  sendWeekday: text(body.sendWeekday, 4) || DEFAULT_SCHEDULE.sendWeekday,
  timeZone: text(body.timeZone, 64) || DEFAULT_SCHEDULE.timeZone,
});
const FORM_FIELDS = new Set(['email', 'frequency', 'sendHour', 'sendWeekday', 'timeZone']);
const fieldOf = (path: string) => {
  const field = path.split('.')[0];
  return FORM_FIELDS.has(field) ? field : null;
};

/** The digests' pages: subscribe from a search or a profile, confirm, manage, unsubscribe. */
@Controller('digests')
export class DigestPagesController {
  constructor(
    @Inject(DigestsService) private readonly digests: DigestsService,
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  @Get('new')
  @HtmlPage()
  async newForm(
    @Query() query: Record<string, string | string[]>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const profile = query.profile === '1';
    if (profile && !(await this.session.candidate(request, reply))) {
      reply.redirect('/profile', 303);
      return '';
    }
    const search = profile ? '' : new URLSearchParams(query as Record<string, string>).toString();
    const what = profile ? 'new jobs matching your profile' : this.describe(search);
    return renderDocument(
      <SubscribePage
        viewer={this.session.viewer(request)}
        csrfToken={this.csrf.issue(request, reply)}
        what={what}
        search={search}
        profile={profile}
        email=""
        schedule={DEFAULT_SCHEDULE}
        errors={[]}
        fieldErrors={{}}
      />,
    );
  }

  @Post('new')
  @HttpCode(200)
  @HtmlPage()
  async subscribe(
    @Body() posted: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body = posted ?? {};
    const profile = body.profile === '1';
    const search = profile ? '' : text(body.search);
    const schedule = scheduleOf(body);
    const email = text(body.email, 300);
    try {
      const held = profile ? await this.session.candidate(request, reply) : null;
      if (profile && !held) throw new ApiError('UNAUTHORIZED', 'build a profile first');
      const input = parseInput(
        subscribeSchema,
        { email, ...schedule, ...(held ? { candidateId: held.view.id } : { search }) },
        'body',
      );
      await this.digests.subscribe(input, held ? this.session.bearer(held.token) : undefined);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      reply.status(400);
      const { errors, fieldErrors } = formErrors(err, fieldOf);
      return renderDocument(
        <SubscribePage
          viewer={this.session.viewer(request)}
          csrfToken={this.csrf.issue(request, reply)}
          what={profile ? 'new jobs matching your profile' : this.describe(search)}
          search={search}
          profile={profile}
          email={email}
          schedule={schedule}
          errors={errors}
          fieldErrors={fieldErrors}
        />,
      );
    }
    return renderDocument(
      <NoticePage
        viewer={this.session.viewer(request)}
        title="Check your inbox"
        lines={[
          'We sent you a link to confirm this digest. It works for 48 hours.',
          'Nothing else is sent until you confirm.',
        ]}
      />,
    );
  }

  // A link scanner fetches every link in a mail: the GET only shows a button, the POST confirms.
  @Get('confirm/:token')
  @HtmlPage()
  confirmForm(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    return renderDocument(
      <NoticePage
        viewer={this.session.viewer(request)}
        title="Confirm your job digest"
        lines={['One more click and your digest starts with the next new jobs.']}
        form={{
          action: `/digests/confirm/${encodeURIComponent(token)}`,
          button: 'Confirm my digest',
          csrfToken: this.csrf.issue(request, reply),
        }}
      />,
    );
  }

  @Post('confirm/:token')
  @HtmlPage()
  async confirm(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { manageUrl } = await this.digests.confirm(text(token, 200));
    reply.redirect(`${new URL(manageUrl).pathname}?confirmed=1`, 303);
    return '';
  }

  @Get('manage/:token')
  @HtmlPage()
  async manage(
    @Param('token') token: string,
    @Query('confirmed') confirmed: string | undefined,
    @Query('saved') saved: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view = await this.digests.manage(text(token, 200));
    const notice =
      confirmed === '1'
        ? 'Your digest is confirmed. The first one comes with the next new jobs.'
        : saved === '1'
          ? 'Saved.'
          : saved === 'stopped'
            ? 'That digest is stopped.'
            : undefined;
    return renderDocument(
      <ManagePage
        viewer={this.session.viewer(request)}
        csrfToken={this.csrf.issue(request, reply)}
        token={token}
        email={view.email}
        subscriptions={view.subscriptions}
        notice={notice}
        errors={[]}
      />,
    );
  }

  @Post('manage/:token/:id')
  @HtmlPage()
  async change(
    @Param('token') token: string,
    @Param('id') id: string,
    @Body() posted: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const input = parseInput(scheduleSchema, scheduleOf(posted ?? {}), 'body');
    await this.digests.change(text(token, 200), text(id, 36), input);
    reply.redirect(`/digests/manage/${encodeURIComponent(token)}?saved=1`, 303);
    return '';
  }

  @Post('manage/:token/:id/delete')
  @HtmlPage()
  async remove(
    @Param('token') token: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.digests.remove(text(token, 200), text(id, 36));
    reply.redirect(`/digests/manage/${encodeURIComponent(token)}?saved=stopped`, 303);
    return '';
  }

  // Link scanners fetch every GET in a mail, so a GET of the unsubscribe link only asks; the POST
  // (the button below, or a mail provider's one-click) is what stops the digest.
  @Get('unsubscribe/:token')
  @HtmlPage()
  async unsubscribeForm(@Param('token') token: string, @Req() request: FastifyRequest): Promise<string> {
    const target = await this.digests.unsubscribeTarget(text(token, 200));
    return renderDocument(
      <NoticePage
        viewer={this.session.viewer(request)}
        title={target.alreadyStopped ? 'You are unsubscribed' : 'Unsubscribe?'}
        lines={
          target.alreadyStopped
            ? [`The digest of ${target.description} is stopped.`]
            : [`Stop the e-mail digest of ${target.description}?`]
        }
        form={
          target.alreadyStopped
            ? undefined
            : { action: `/digests/unsubscribe/${encodeURIComponent(token)}`, button: 'Unsubscribe' }
        }
      />,
    );
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @HtmlPage()
  // RFC 8058 one-click: the mail provider posts "List-Unsubscribe=One-Click" from its own servers,
  // with no cookie and so no form token to check. The signed token in the address names the one
  // subscription and is the whole authority; posting it again changes nothing.
  @WithoutCsrfToken('RFC 8058: one-click unsubscribe is posted by mail providers without cookies')
  async unsubscribe(@Param('token') token: string, @Req() request: FastifyRequest): Promise<string> {
    const target = await this.digests.unsubscribeTarget(text(token, 200));
    await this.digests.unsubscribe(text(token, 200));
    return renderDocument(
      <NoticePage
        viewer={this.session.viewer(request)}
        title="You are unsubscribed"
        lines={[`The digest of ${target.description} is stopped. Nothing more will be sent for it.`]}
      />,
    );
  }

  private describe(search: string): string {
    try {
      return `new ${describeSearch(criteriaFromQuery(search).criteria, 2)}`;
    } catch {
      return 'new jobs like these';
    }
  }
}
