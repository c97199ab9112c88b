import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { equivalenceRulesProvider } from './equivalence-rules.provider';
import { MatchesController } from './matches.controller';
import { MatchesService } from './matches.service';

/** Ranked, explained matches: POST /api/v1/matches and GET /api/v1/candidates/:id/matches. */
@Module({
  imports: [CandidatesModule],
  controllers: [MatchesController],
  providers: [MatchesService, equivalenceRulesProvider],
  exports: [MatchesService],
})
export class MatchesModule {}
