import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { parseInput } from '../http/parse-input';
import {
  CANDIDATE_VIEW_EXAMPLE,
  CREATED_EXAMPLE,
  FORBIDDEN_EXAMPLE,
  PROFILE_EXAMPLE,
  PROFILE_JSON_SCHEMA,
  VALIDATION_EXAMPLE,
} from './candidates.openapi';
import { CandidatesService } from './candidates.service';

const idParams = z.object({ id: z.uuid('id must be a UUID') });

const UNAUTHORIZED_EXAMPLE = {
  error: { code: 'UNAUTHORIZED', message: 'missing Authorization: Bearer <candidate token>' },
};

/**
 * Saved profiles. Creating one returns a token, once; every other call needs it as a bearer token.
 * 401 without a token; 403 when the token does not open the id, whether or not the id exists (so
 * existence is never told to someone without the token).
 */
@ApiTags('candidates')
@Controller('api/v1/candidates')
export class CandidatesController {
  constructor(@Inject(CandidatesService) private readonly candidates: CandidatesService) {}

  @Post()
  @ApiOperation({
    summary:
      'Save a candidate profile. The answer carries the token for this profile, shown only this once: keep it.',
  })
  @ApiBody({ schema: { ...PROFILE_JSON_SCHEMA, example: PROFILE_EXAMPLE } })
  @ApiCreatedResponse({ schema: { example: CREATED_EXAMPLE } })
  @ApiBadRequestResponse({ schema: { example: VALIDATION_EXAMPLE } })
  create(@Body() body: unknown) {
    return this.candidates.create(body);
  }

  @Get(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A saved profile (needs its token).' })
  @ApiOkResponse({ schema: { example: CANDIDATE_VIEW_EXAMPLE } })
  @ApiUnauthorizedResponse({ schema: { example: UNAUTHORIZED_EXAMPLE } })
  @ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
  get(@Param() params: unknown, @Headers('authorization') authorization?: string) {
    return this.candidates.get(parseInput(idParams, params, 'params').id, authorization);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change some fields of a profile (merged over the saved one, then validated whole); null removes a field.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: { commuteMiles: 40, minPay: null, credentials: ['CPC', 'CRC', 'CCS'] },
    },
  })
  @ApiOkResponse({ schema: { example: CANDIDATE_VIEW_EXAMPLE } })
  @ApiBadRequestResponse({ schema: { example: VALIDATION_EXAMPLE } })
  @ApiUnauthorizedResponse({ schema: { example: UNAUTHORIZED_EXAMPLE } })
  @ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
  update(@Param() params: unknown, @Body() body: unknown, @Headers('authorization') authorization?: string) {
    return this.candidates.update(parseInput(idParams, params, 'params').id, authorization, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a profile for good; its token stops working.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiUnauthorizedResponse({ schema: { example: UNAUTHORIZED_EXAMPLE } })
  @ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
  async remove(@Param() params: unknown, @Headers('authorization') authorization?: string) {
    await this.candidates.remove(parseInput(idParams, params, 'params').id, authorization);
  }
}
