import { Module } from '@nestjs/common';
import { CandidatesModule } from '../../candidates/candidates.module';
import { ListingsModule } from '../../listings/listings.module';
import { MatchesModule } from '../../matches/matches.module';
import { RecruitersModule } from '../../recruiters/recruiters.module';
import { HomeController } from './home.controller';
import { JobSearch } from './job-search';
import { JobsController } from './jobs.controller';
import { ListingController } from './listing.controller';
import { MatchesController } from './matches.controller';
import { ProfileController } from './profile.controller';
import { SeekerSession } from './seeker-session';

/** The job seekers' pages: home, search, listings, landing pages, profile and matches. */
@Module({
  imports: [ListingsModule, MatchesModule, CandidatesModule, RecruitersModule],
  controllers: [HomeController, JobsController, ListingController, ProfileController, MatchesController],
  providers: [SeekerSession, JobSearch],
  exports: [JobSearch, SeekerSession],
})
export class SeekerPagesModule {}
