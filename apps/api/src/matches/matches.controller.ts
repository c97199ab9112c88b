import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { CandidatesService, matchingProfile } from '../candidates/candidates.service';
import { FORBIDDEN_EXAMPLE, VALIDATION_EXAMPLE } from '../candidates/candidates.openapi';
import { endpointInput } from '../http/endpoint-input';
import {
  candidateMatchesQuerySchema,
  matchRequestSchema,
  type CandidateMatchesQuery,
  type MatchRequest,
} from './match-request.schema';
import { MATCH_REQUEST_EXAMPLE, MATCHES_RESPONSE_EXAMPLE, STRETCH_ITEM_EXAMPLE } from './matches.openapi';
import { MatchesService } from './matches.service';

const MATCH = endpointInput({ body: matchRequestSchema, bodyExample: MATCH_REQUEST_EXAMPLE });
const FOR_CANDIDATE = endpointInput({
  params: z.object({ id: z.uuid('id must be a UUID') }),
  query: candidateMatchesQuerySchema,
});

const MATCHES_DESCRIPTION =
  'Listings ranked for a candidate, best first, each with a 0-100 score, its parts and the reasons in ' +
  'plain words. Only listings the candidate can take (work mode and place, remote state rules, ' +
  'required credentials or an accepted equivalent, pay not clearly below the minimum, roles, ' +
  'employment types, employers left out); stretch=true adds near misses, marked eligible=false with ' +
  `what is missing (e.g. ${JSON.stringify(STRETCH_ITEM_EXAMPLE.missing[0])}). The first page shows at ` +
  'most MATCH_EMPLOYER_CAP listings per employer. Page with nextCursor (or offset); at most 100 results.';

@ApiTags('matches')
@Controller('api/v1')
export class MatchesController {
  constructor(
    @Inject(MatchesService) private readonly matches: MatchesService,
    @Inject(CandidatesService) private readonly candidates: CandidatesService,
  ) {}

  @Post('matches')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Matches for a profile sent inline (nothing is saved).',
    description: MATCHES_DESCRIPTION,
  })
  @MATCH.docs
  @ApiOkResponse({ schema: { example: MATCHES_RESPONSE_EXAMPLE } })
  @ApiBadRequestResponse({ schema: { example: VALIDATION_EXAMPLE } })
  match(@Body(MATCH.body) { profile, ...paging }: MatchRequest) {
    return this.matches.forFields(profile, paging);
  }

  @Get('candidates/:id/matches')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Matches for a saved profile (needs its token).',
    description: MATCHES_DESCRIPTION,
  })
  @FOR_CANDIDATE.docs
  @ApiOkResponse({ schema: { example: MATCHES_RESPONSE_EXAMPLE } })
  @ApiUnauthorizedResponse({
    schema: {
      example: {
        error: { code: 'UNAUTHORIZED', message: 'missing Authorization: Bearer <candidate token>' },
      },
    },
  })
  @ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
  async forCandidate(
    @Param(FOR_CANDIDATE.params) { id }: { id: string },
    @Query(FOR_CANDIDATE.query) paging: CandidateMatchesQuery,
    @Headers('authorization') authorization?: string,
  ) {
    const candidate = await this.candidates.authorize(id, authorization);
    return this.matches.match(matchingProfile(candidate), paging);
  }
}
