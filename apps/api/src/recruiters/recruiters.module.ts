import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../admin-sources/admin-token.guard';
import { JobReportsController } from './job-reports.controller';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { OrganizationsController } from './organizations.controller';
import { RecruiterAccountController } from './recruiter-account.controller';
import { RecruiterAccountsService } from './recruiter-accounts.service';
import { RecruiterAuth } from './recruiter-auth.service';
import { RecruiterJobs } from './recruiter-jobs';
import { RecruiterPostingsController } from './recruiter-postings.controller';
import { RecruiterPostingsService } from './recruiter-postings.service';
import { PostingStatsRecorder } from './posting-stats.recorder';

/** Recruiters: accounts, organizations, members, API keys, postings and their moderation. */
@Module({
  controllers: [
    RecruiterAccountController,
    OrganizationsController,
    RecruiterPostingsController,
    ModerationController,
    JobReportsController,
  ],
  providers: [
    RecruiterAuth,
    RecruiterAccountsService,
    RecruiterJobs,
    RecruiterPostingsService,
    ModerationService,
    AdminTokenGuard,
    PostingStatsRecorder,
  ],
  exports: [
    RecruiterAuth,
    RecruiterAccountsService,
    RecruiterPostingsService,
    ModerationService,
    PostingStatsRecorder,
  ],
})
export class RecruitersModule {}
