import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderDescription } from '#normalizer';
import type { ListingView } from '#search';
import { ApiError } from '../../http/api-error';
import { ListingsService } from '../../listings/listings.service';
import { RecruiterPostingsService } from '../../recruiters/recruiter-postings.service';
import { HtmlPage, renderDocument } from '../kit/html-page';
import type { SiteUrl } from '../kit/site-url';
import { SITE_URL } from '../kit/web-tokens';
import { jobPostingJsonLd } from '../seo/job-posting-json-ld';
import { JobSearch } from './job-search';
import { listingIdOf, listingPath } from './listing-path';
import { ListingPage, type ListingDetail } from './listing.page';
import { SeekerSession } from './seeker-session';
import { similarSearch } from './similar-listings';

const SIMILAR = 5;

/** One listing's page. Any other words after the id redirect to its one address. */
@Controller()
export class ListingController {
  constructor(
    @Inject(ListingsService) private readonly listings: ListingsService,
    @Inject(JobSearch) private readonly search: JobSearch,
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(SITE_URL) private readonly site: SiteUrl,
    @Inject(RecruiterPostingsService) private readonly postings: RecruiterPostingsService,
  ) {}

  @Get('jobs/:idAndSlug')
  @HtmlPage()
  async listing(
    @Param('idAndSlug') idAndSlug: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const id = listingIdOf(idAndSlug);
    if (!id) throw new ApiError('LISTING_NOT_FOUND', 'There is no job at this address.');
    const stored = (await this.listings.get(id)) as ListingDetail;
    // Stored descriptions were written by the normalizer's sanitizer; it runs again here (a fraction of
    // a millisecond) so no row, however it was written, reaches the page or the JSON-LD unsanitized.
    const listing = { ...stored, descriptionHtml: renderDescription(stored.descriptionHtml, 'html').html };
    const path = listingPath(listing);
    if (`/jobs/${idAndSlug}` !== path) {
      reply.redirect(path, 301);
      return '';
    }
    const canonical = this.site.absolute(path);
    const poster = await this.postings.poster(listing.id);
    // Closed listings point to open ones like them: the same kind first, then any of the role.
    let { params: similarParams } = similarSearch(listing);
    let similar: ListingView[] = [];
    if (listing.status !== 'open') {
      similar = (await this.search.run(similarParams, { limit: SIMILAR, facets: false })).items;
      if (similar.length === 0) {
        similarParams = similarSearch(listing).broader;
        similar = (await this.search.run(similarParams, { limit: SIMILAR, facets: false })).items;
      }
    }
    return renderDocument(
      <ListingPage
        viewer={this.session.viewer(request)}
        now={new Date()}
        listing={listing}
        canonical={canonical}
        jsonLd={jobPostingJsonLd(listing, canonical)}
        similar={similar}
        similarSearch={similarParams}
        poster={poster && { ...poster, applyPath: poster.applyUrl ? `/jobs/${listing.id}/apply` : null }}
      />,
    );
  }
}
