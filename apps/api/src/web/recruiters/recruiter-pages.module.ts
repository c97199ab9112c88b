import { Module } from '@nestjs/common';
import { RecruitersModule } from '../../recruiters/recruiters.module';
import { JobReportPagesController } from './job-report.controller';
import { ModerationPagesController } from './moderation-pages.controller';
import { PostingPagesController } from './posting-pages.controller';
import { RecruiterDashboardController } from './recruiter-dashboard.controller';
import { RecruiterSession } from './recruiter-session';
import { RecruiterSignInController } from './recruiter-sign-in.controller';

/** The recruiters' pages: sign-in, organizations, postings with preview, moderation, audit log. */
@Module({
  imports: [RecruitersModule],
  controllers: [
    RecruiterSignInController,
    RecruiterDashboardController,
    PostingPagesController,
    ModerationPagesController,
    JobReportPagesController,
  ],
  providers: [RecruiterSession],
})
export class RecruiterPagesModule {}
