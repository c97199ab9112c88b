import { Module } from '@nestjs/common';
import { SeekerPagesModule } from '../seekers/seeker-pages.module';
import { SeoController } from './seo.controller';
import { SitemapListings } from './sitemap-listings';

/** /robots.txt and the sitemaps. */
@Module({
  imports: [SeekerPagesModule],
  controllers: [SeoController],
  providers: [SitemapListings],
})
export class SeoModule {}
