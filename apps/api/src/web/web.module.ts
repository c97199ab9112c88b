import { Module } from '@nestjs/common';
import { DigestPagesModule } from './digests/digest-pages.module';
import { WebKitModule } from './kit/web-kit.module';
import { RecruiterPagesModule } from './recruiters/recruiter-pages.module';
import { SeekerPagesModule } from './seekers/seeker-pages.module';
import { SeoModule } from './seo/seo.module';

/**
 * The server-rendered pages: the shared kit, then one module per feature's pages. A feature adds its
 * pages module here (see docs/WEB.md).
 */
@Module({
  imports: [WebKitModule, SeekerPagesModule, RecruiterPagesModule, SeoModule, DigestPagesModule],
})
export class WebModule {}
