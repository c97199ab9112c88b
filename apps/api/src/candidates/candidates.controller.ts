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
import { candidateProfileSchema, type CandidateProfileFields } from '#matching';
import { endpointInput } from '../http/endpoint-input';
import {
  CANDIDATE_VIEW_EXAMPLE,
  CREATED_EXAMPLE,
  FORBIDDEN_EXAMPLE,
  PROFILE_EXAMPLE,
  VALIDATION_EXAMPLE,
} from './candidates.openapi';
import { CandidatesService } from './candidates.service';

const idParams = z.object({ id: z.uuid('id must be a UUID') });
const CREATE = endpointInput({ body: candidateProfileSchema, bodyExample: PROFILE_EXAMPLE });
const BY_ID = endpointInput({ params: idParams });

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
  @CREATE.docs
  @ApiCreatedResponse({ schema: { example: CREATED_EXAMPLE } })
  @ApiBadRequestResponse({ schema: { example: VALIDATION_EXAMPLE } })
  create(@Body(CREATE.body) profile: CandidateProfileFields) {
    return this.candidates.create(profile);
  }

  @Get(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A saved profile (needs its token).' })
  @BY_ID.docs
  @ApiOkResponse({ schema: { example: CANDIDATE_VIEW_EXAMPLE } })
  @ApiUnauthorizedResponse({ schema: { example: UNAUTHORIZED_EXAMPLE } })
  @ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
  get(@Param(BY_ID.params) { id }: { id: string }, @Headers('authorization') authorization?: string) {
    return this.candidates.get(id, authorization);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change some fields of a profile (merged over the saved one, then validated whole); null removes a field.',
  })
  @BY_ID.docs
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
  update(
    @Param(BY_ID.params) { id }: { id: string },
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
  ) {
    return this.candidates.update(id, authorization, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a profile for good; its token stops working.' })
  @BY_ID.docs
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiUnauthorizedResponse({ schema: { example: UNAUTHORIZED_EXAMPLE } })
  @ApiForbiddenResponse({ schema: { example: FORBIDDEN_EXAMPLE } })
  async remove(
    @Param(BY_ID.params) { id }: { id: string },
    @Headers('authorization') authorization?: string,
  ) {
    await this.candidates.remove(id, authorization);
  }
}
