import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { US_STATES, type UsState } from '#taxonomy';
import { ApiError } from '../../http/api-error';
import { HtmlPage, renderDocument } from '../kit/html-page';
import type { SiteUrl } from '../kit/site-url';
import { SITE_URL } from '../kit/web-tokens';
import { HomePage } from './home.page';
import { JobSearch } from './job-search';
import { LandingPage } from './landing.page';
import { findLanding } from './landing-pages';
import { SeekerSession } from './seeker-session';

const TOP_STATES = 8;

/** The home page and the landing pages it links to. */
@Controller()
export class HomeController {
  constructor(
    @Inject(JobSearch) private readonly search: JobSearch,
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(SITE_URL) private readonly site: SiteUrl,
  ) {}

  @Get()
  @HtmlPage()
  async home(@Req() request: FastifyRequest): Promise<string> {
    // Counts only: facets are cached a minute per filter set, so the home page costs little.
    const [all, remote] = await Promise.all([
      this.search.run({}, { limit: 1 }),
      this.search.run({ workMode: ['remote'] }, { limit: 1 }),
    ]);
    const topStates = (all.facets?.state ?? [])
      .filter((f) => (US_STATES as readonly string[]).includes(f.value))
      .slice(0, TOP_STATES)
      .map((f) => f.value as UsState);
    return renderDocument(
      <HomePage
        viewer={this.session.viewer(request)}
        canonical={this.site.absolute('/')}
        total={all.total}
        byRole={all.facets?.role ?? []}
        remoteByRole={remote.facets?.role ?? []}
        topStates={topStates}
      />,
    );
  }

  @Get('jobs/remote/:role')
  @HtmlPage()
  remote(@Param('role') role: string, @Req() request: FastifyRequest): Promise<string> {
    return this.landing({ role }, request);
  }

  @Get('jobs/in/:state/:role')
  @HtmlPage()
  inState(@Param('state') state: string, @Param('role') role: string, @Req() request: FastifyRequest) {
    return this.landing({ role, state }, request);
  }

  private async landing(path: { role: string; state?: string }, request: FastifyRequest): Promise<string> {
    const landing = findLanding(path);
    if (!landing) throw new ApiError('NOT_FOUND', 'There is no page at this address.');
    const result = await this.search.run(landing.params);
    return renderDocument(
      <LandingPage
        viewer={this.session.viewer(request)}
        now={new Date()}
        landing={landing}
        canonical={this.site.absolute(landing.path)}
        result={result}
      />,
    );
  }
}
