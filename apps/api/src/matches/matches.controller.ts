import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { CandidatesService, matchingProfile } from '../candidates/candidates.service';
import { FORBIDDEN_EXAMPLE, VALIDATION_EXAMPLE } from '../candidates/candidates.openapi';
import { parseInput } from '../http/parse-input';
import { candidateMatchesQuerySchema, matchRequestSchema } from './match-request.schema';
import {
  MATCH_REQUEST_EXAMPLE,
  MATCH_REQUEST_JSON_SCHEMA,
  MATCHES_RESPONSE_EXAMPLE,
  STRETCH_ITEM_EXAMPLE,
} from './matches.openapi';
import { MatchesService } from './matches.service';

const idParams = z.object({ id: z.uuid('id must be a UUID') });

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
  @ApiBody({ schema: { ...MATCH_REQUEST_JSON_SCHEMA, example: MATCH_REQUEST_EXAMPLE } })
  @ApiOkResponse({ schema: { example: MATCHES_RESPONSE_EXAMPLE } })
  @ApiBadRequestResponse({ schema: { example: VALIDATION_EXAMPLE } })
  match(@Body() body: unknown) {
    const { profile, ...paging } = parseInput(matchRequestSchema, body, 'body');
    return this.matches.forFields(profile, paging);
  }

  @Get('candidates/:id/matches')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Matches for a saved profile (needs its token).',
    description: MATCHES_DESCRIPTION,
  })
  @ApiQuery({ name: 'stretch', required: false, example: false })
  @ApiQuery({ name: 'limit', required: false, example: 20 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page, unchanged.' })
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
    @Param() params: unknown,
    @Query() query: unknown,
    @Headers('authorization') authorization?: string,
  ) {
    const id = parseInput(idParams, params, 'params').id;
    const paging = parseInput(candidateMatchesQuerySchema, query, 'query');
    const candidate = await this.candidates.authorize(id, authorization);
    return this.matches.match(matchingProfile(candidate), paging);
  }
}
