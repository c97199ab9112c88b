import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ListingsRepository } from '#persistence';
import { US_STATES, type UsState } from '#taxonomy';
import { ApiError } from '../../http/api-error';
import type { SiteUrl } from '../kit/site-url';
import { SITE_URL } from '../kit/web-tokens';
import { JobSearch } from '../seekers/job-search';
import { LANDING_ROLES, remoteLanding, stateLanding } from '../seekers/landing-pages';
import { listingPath } from '../seekers/listing-path';
import { jobsFeed } from './jobs-feed';
import { LISTING_SITEMAP_PARTS, robotsTxt, sitemapIndex, urlSet } from './sitemap-xml';

const XML = 'application/xml; charset=utf-8';

/** /robots.txt and the sitemaps: the pages, the landing pages with open jobs, and every open listing. */
@ApiExcludeController()
@Controller()
export class SeoController {
  constructor(
    @Inject(ListingsRepository) private readonly listings: ListingsRepository,
    @Inject(JobSearch) private readonly search: JobSearch,
    @Inject(SITE_URL) private readonly site: SiteUrl,
  ) {}

  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  robots(): string {
    return robotsTxt(this.site.origin);
  }

  @Get('sitemap.xml')
  @Header('Content-Type', XML)
  @Header('Cache-Control', 'public, max-age=600')
  async index(): Promise<string> {
    const parts = await this.listings.openIdPrefixes();
    return sitemapIndex([
      this.site.absolute('/sitemaps/pages.xml'),
      ...parts.map((p) => this.site.absolute(`/sitemaps/listings-${p}.xml`)),
    ]);
  }

  /** Recruiters' open postings for job boards (Indeed's XML feed shape). */
  @Get('feeds/jobs.xml')
  @Header('Content-Type', XML)
  @Header('Cache-Control', 'public, max-age=600')
  async jobsFeed(): Promise<string> {
    return jobsFeed(await this.listings.openRecruiterListings(20_000), this.site, new Date());
  }

  @Get('sitemaps/pages.xml')
  @Header('Content-Type', XML)
  @Header('Cache-Control', 'public, max-age=600')
  async pages(): Promise<string> {
    const paths = ['/', '/jobs'];
    // Landing pages only where they have open jobs: empty pages are not worth a crawler's visit.
    for (const role of LANDING_ROLES) {
      const [inStates, remote] = await Promise.all([
        this.search.run({ role: role.roles }, { limit: 1 }),
        this.search.run({ role: role.roles, workMode: ['remote'] }, { limit: 1 }),
      ]);
      if (remote.total > 0) paths.push(remoteLanding(role).path);
      for (const f of inStates.facets?.state ?? []) {
        if (f.count > 0 && (US_STATES as readonly string[]).includes(f.value)) {
          paths.push(stateLanding(role, f.value as UsState).path);
        }
      }
    }
    return urlSet(paths.map((p) => ({ loc: this.site.absolute(p) })));
  }

  @Get('sitemaps/listings-:part.xml')
  @Header('Content-Type', XML)
  @Header('Cache-Control', 'public, max-age=600')
  async listingsPart(@Param('part') part: string): Promise<string> {
    if (!LISTING_SITEMAP_PARTS.includes(part)) throw new ApiError('NOT_FOUND', `no sitemap part ${part}`);
    const rows = await this.listings.openWithIdPrefix(part);
    return urlSet(
      rows.map((l) => ({ loc: this.site.absolute(listingPath(l)), lastmod: l.changedAt.toISOString() })),
    );
  }
}
