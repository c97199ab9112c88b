import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { formErrors } from '../kit/form-errors';
import { HtmlPage, renderDocument } from '../kit/html-page';
import type { SiteUrl } from '../kit/site-url';
import { SITE_URL } from '../kit/web-tokens';
import { PostingStatsRecorder } from '../../recruiters/posting-stats.recorder';
import { JobSearch } from './job-search';
import { JobsPage, type JobsPageProps } from './jobs.page';
import { landingFor } from './landing-pages';
import { SeekerSession } from './seeker-session';
import {
  applyKeywords,
  MULTI_FIELDS,
  readSearchForm,
  searchHref,
  searchQueryPairs,
  SINGLE_FIELDS,
} from './search-params';

const FORM_FIELDS = new Set<string>([...MULTI_FIELDS, ...SINGLE_FIELDS]);

/** /jobs: search with the API's filters as a form; the search box's words read as filters. */
@Controller()
export class JobsController {
  constructor(
    @Inject(JobSearch) private readonly search: JobSearch,
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(SITE_URL) private readonly site: SiteUrl,
    @Inject(PostingStatsRecorder) private readonly stats: PostingStatsRecorder,
  ) {}

  @Get('jobs')
  @HtmlPage()
  async jobs(
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = readSearchForm(query);
    // A submitted form sends every field, empty ones too: answer with the same search's one address
    // (htmx takes the address it was redirected to into the history), so the address bar, Back and
    // shared links show only the filters in use.
    const paging = { cursor: form.cursor, back: form.back, page: form.page, literal: form.literal };
    const pairs = searchQueryPairs(form.params, paging);
    const sent = [...new URLSearchParams(request.url.split('?')[1] ?? '')];
    if (Object.keys(form.unknown).length === 0 && JSON.stringify(sent) !== JSON.stringify(pairs)) {
      reply.redirect(searchHref(form.params, paging), 302);
      return '';
    }
    const { params, reading } = form.literal
      ? { params: form.params, reading: null }
      : applyKeywords(form.params);
    const props: Omit<JobsPageProps, 'result' | 'errors' | 'fieldErrors'> = {
      viewer: this.session.viewer(request),
      now: new Date(),
      params,
      page: form.page,
      cursor: form.cursor,
      back: form.back,
      literal: form.literal,
      readFrom: reading ? form.params.q : undefined,
      canonical: this.site.absolute(
        landingFor(params)?.path ?? searchHref(params, { literal: form.literal }),
      ),
    };
    try {
      const result = await this.search.run(params, { cursor: form.cursor, unknown: form.unknown });
      // Recruiters' postings count their search appearances (in memory; written every few seconds).
      this.stats.record(
        'appearances',
        result.items.map((l) => l.id),
      );
      return renderDocument(<JobsPage {...props} result={result} errors={[]} fieldErrors={{}} />);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      reply.status(400);
      const { errors, fieldErrors } = formErrors(err, (path) => {
        const field = path.split('.')[0];
        return FORM_FIELDS.has(field) ? field : null;
      });
      return renderDocument(<JobsPage {...props} result={null} errors={errors} fieldErrors={fieldErrors} />);
    }
  }
}
