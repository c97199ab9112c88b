import { Body, Controller, HttpCode, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import { clientKey } from '../../recruiters/client-key';
import { idParams, JOB_REPORT_REASONS, jobReportSchema } from '../../recruiters/moderation.schemas';
import { ModerationService } from '../../recruiters/moderation.service';
import { RecruiterPostingsService } from '../../recruiters/recruiter-postings.service';
import { CsrfField, ErrorSummary, RadioGroup, TextArea, TextField } from '../kit/components/form-fields';
import { CsrfTokens } from '../kit/csrf';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { Layout } from '../kit/layout';
import { ANONYMOUS } from '../kit/viewer';

const REASON_WORDS: Record<(typeof JOB_REPORT_REASONS)[number], string> = {
  scam: 'It looks like a scam (fees, training kits, personal details up front)',
  wrong_info: 'The information is wrong',
  closed: 'The job is closed or filled',
  offensive: 'It is offensive or discriminatory',
  other: 'Something else',
};

function ReportPage(props: { csrfToken: string; id: string; sent?: boolean; error?: string }) {
  return (
    <Layout title="Report this job" noindex section="jobs" viewer={ANONYMOUS}>
      <h1>Report this job</h1>
      {props.sent ? (
        <p class="notice notice--good" role="status">
          Thank you: a moderator will look at it. <a href={`/jobs/${props.id}`}>Back to the job</a>
        </p>
      ) : (
        <form method="post" action={`/jobs/${props.id}/report`}>
          <ErrorSummary errors={props.error ? [{ field: 'reason', message: props.error }] : []} />
          <CsrfField token={props.csrfToken} />
          <RadioGroup
            name="reason"
            label="What is wrong?"
            value={null}
            error={props.error}
            options={JOB_REPORT_REASONS.map((r) => ({ value: r, label: REASON_WORDS[r] }))}
          />
          <TextArea name="details" label="Details (optional)" rows={4} maxLength={2000} />
          <TextField
            name="email"
            label="Your e-mail (optional)"
            hint="Only if you want an answer."
            type="email"
          />
          <button class="button" type="submit">
            Send the report
          </button>
        </form>
      )}
    </Layout>
  );
}

/** A listing's "report this job" page, and the counted Apply of recruiters' postings. */
@Controller('jobs/:id')
export class JobReportPagesController {
  constructor(
    @Inject(ModerationService) private readonly moderation: ModerationService,
    @Inject(RecruiterPostingsService) private readonly postings: RecruiterPostingsService,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  @Get('report')
  @HtmlPage()
  form(
    @Param() params: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { id } = parseInput(idParams, params, 'params');
    return renderDocument(<ReportPage csrfToken={this.csrf.issue(request, reply)} id={id} />);
  }

  @Post('report')
  @HttpCode(200)
  @HtmlPage()
  async report(
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { id } = parseInput(idParams, params, 'params');
    const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
    try {
      const input = parseInput(
        jobReportSchema,
        {
          reason: str(body?.reason, 20),
          details: str(body?.details, 2000),
          email: str(body?.email, 254) || null,
        },
        'body',
      );
      await this.moderation.report(id, input, clientKey(request.ip));
      return renderDocument(<ReportPage csrfToken={this.csrf.issue(request, reply)} id={id} sent />);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      reply.status(400);
      return renderDocument(
        <ReportPage csrfToken={this.csrf.issue(request, reply)} id={id} error="Choose what is wrong." />,
      );
    }
  }

  /** Apply on a recruiter's posting: counted, then on to the posting's own address. */
  @Get('apply')
  async apply(@Param() params: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id } = parseInput(idParams, params, 'params');
    const target = await this.postings.applyTarget(id);
    if (!target) throw new ApiError('LISTING_NOT_FOUND', 'There is no job to apply for at this address.');
    reply.redirect(target, 303);
    return '';
  }
}
