import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller';
import { RecruiterAccountController } from './recruiter-account.controller';
import { RecruiterAccountsService } from './recruiter-accounts.service';
import { RecruiterAuth } from './recruiter-auth.service';
import { RecruiterJobs } from './recruiter-jobs';

/** Recruiters: accounts, organizations, members, API keys, postings and their moderation. */
@Module({
  controllers: [RecruiterAccountController, OrganizationsController],
  providers: [RecruiterAuth, RecruiterAccountsService, RecruiterJobs],
  exports: [RecruiterAuth, RecruiterAccountsService],
})
export class RecruitersModule {}
