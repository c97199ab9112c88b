import { Module } from '@nestjs/common';
import { SeekerPagesModule } from '../seekers/seeker-pages.module';
import { SeoController } from './seo.controller';

/** /robots.txt and the sitemaps. */
@Module({
  imports: [SeekerPagesModule],
  controllers: [SeoController],
})
export class SeoModule {}
