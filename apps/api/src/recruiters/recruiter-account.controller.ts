import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { endpointInput } from '../http/endpoint-input';
import { clientKey } from './client-key';
import { RecruiterAccountsService } from './recruiter-accounts.service';
import { RecruiterAuth } from './recruiter-auth.service';
import {
  ORGANIZATION_EXAMPLE,
  RATE_LIMITED_EXAMPLE,
  SESSION_EXAMPLE,
  UNAUTHORIZED_EXAMPLE,
} from './recruiters.openapi';
import {
  acceptSchema,
  organizationSchema,
  sessionSchema,
  signInSchema,
  type OrganizationInput,
} from './recruiters.schemas';

const SIGN_IN = endpointInput({ body: signInSchema, bodyExample: { email: 'pat@mercyvalley.example' } });
const SESSION = endpointInput({ body: sessionSchema, bodyExample: { token: 'cjs_…from the mailed link' } });
const CREATE_ORG = endpointInput({
  body: organizationSchema,
  bodyExample: { name: 'Mercy Valley Health', kind: 'employer', website: 'https://www.mercyvalley.example' },
});
const ACCEPT = endpointInput({ body: acceptSchema, bodyExample: { token: 'cji_…from the invitation mail' } });

/**
 * Signing in by a one-time e-mailed link (no passwords), the signed-in recruiter, creating an
 * organization and accepting an invitation. Session tokens are bearer tokens for API clients; the
 * pages keep the same token in an httpOnly cookie.
 */
@ApiTags('recruiters')
@Controller('api/v1/recruiter')
export class RecruiterAccountController {
  constructor(
    @Inject(RecruiterAccountsService) private readonly accounts: RecruiterAccountsService,
    @Inject(RecruiterAuth) private readonly auth: RecruiterAuth,
  ) {}

  @Post('sign-in')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mail a one-time sign-in link (valid 15 minutes). The same answer whether or not the address is known.',
  })
  @SIGN_IN.docs
  @ApiAcceptedResponse({ schema: { example: { expiresInMinutes: 15 } } })
  @ApiTooManyRequestsResponse({ schema: { example: RATE_LIMITED_EXAMPLE } })
  signIn(@Body(SIGN_IN.body) body: { email: string }, @Req() request: FastifyRequest) {
    return this.accounts.requestSignIn(body.email, clientKey(request.ip));
  }

  @Post('sessions')
  @ApiOperation({ summary: "Exchange the mailed link's token for a session token (14 days), shown once." })
  @SESSION.docs
  @ApiCreatedResponse({ schema: { example: SESSION_EXAMPLE } })
  @ApiUnauthorizedResponse({ schema: { example: UNAUTHORIZED_EXAMPLE } })
  createSession(@Body(SESSION.body) body: { token: string }) {
    return this.accounts.signIn(body.token);
  }

  @Delete('sessions/current')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session.' })
  @ApiNoContentResponse({ description: 'Ended.' })
  async endSession(@Headers('authorization') authorization?: string) {
    await this.auth.recruiter(authorization);
    await this.accounts.signOut(/^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? '');
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in recruiter and their organizations.' })
  @ApiOkResponse({
    schema: {
      example: { id: '5e0c9c1a-…', email: 'pat@mercyvalley.example', organizations: [ORGANIZATION_EXAMPLE] },
    },
  })
  async me(@Headers('authorization') authorization?: string) {
    return this.accounts.me(await this.auth.recruiter(authorization));
  }

  @Post('orgs')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Create an organization with yourself as owner. It is verified at once when your address is at its website’s domain (never for free mail).',
  })
  @CREATE_ORG.docs
  @ApiCreatedResponse({ schema: { example: ORGANIZATION_EXAMPLE } })
  async createOrganization(
    @Body(CREATE_ORG.body) body: OrganizationInput,
    @Headers('authorization') authorization?: string,
  ) {
    return this.accounts.createOrganization(await this.auth.recruiter(authorization), body);
  }

  @Post('invitations/accept')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Accept an invitation mailed to the signed-in address.' })
  @ACCEPT.docs
  @ApiCreatedResponse({ schema: { example: { ...ORGANIZATION_EXAMPLE, role: 'recruiter' } } })
  async accept(@Body(ACCEPT.body) body: { token: string }, @Headers('authorization') authorization?: string) {
    return this.accounts.accept(await this.auth.recruiter(authorization), body.token);
  }
}
