import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { endpointInput } from '../http/endpoint-input';
import {
  manageParams,
  scheduleSchema,
  subscribeSchema,
  suppressionSchema,
  tokenParams,
  type ScheduleInput,
  type SubscribeInput,
} from './digest-input';
import { DigestsService } from './digests.service';
import { MailWebhookGuard } from './mail-webhook.guard';

const SUBSCRIBE = endpointInput({
  body: subscribeSchema,
  bodyExample: {
    email: 'maria.lopez@example.org',
    search: 'credential=CPC&workMode=remote&remoteEligibleFor=TX',
    frequency: 'daily',
    sendHour: 7,
    timeZone: 'America/Chicago',
  },
});
const CONFIRM = endpointInput({ body: z.strictObject({ token: tokenParams.shape.token }) });
const BY_TOKEN = endpointInput({ params: tokenParams });
const BY_TOKEN_AND_ID = endpointInput({ params: manageParams, body: scheduleSchema });
const DELETE_BY_TOKEN_AND_ID = endpointInput({ params: manageParams });
const SUPPRESS = endpointInput({
  body: suppressionSchema,
  bodyExample: { email: 'gone@example.org', type: 'bounce' },
});

/**
 * E-mail digests of new listings: subscribe (double opt-in), confirm, manage and unsubscribe by the
 * signed links in the mails, and a provider's bounce and complaint reports.
 */
@ApiTags('digests')
@Controller('api/v1/digests')
export class DigestsController {
  constructor(@Inject(DigestsService) private readonly digests: DigestsService) {}

  @Post('subscriptions')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask for a digest of a search (search: a /jobs query string) or of a profile (candidateId, with its token as Bearer). A confirmation mail follows; nothing else is sent until its link is used.',
  })
  @SUBSCRIBE.docs
  subscribe(@Body(SUBSCRIBE.body) input: SubscribeInput, @Headers('authorization') authorization?: string) {
    return this.digests.subscribe(input, authorization);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a subscription with the token from its confirmation mail (valid 48 hours).',
  })
  @CONFIRM.docs
  confirm(@Body(CONFIRM.body) body: { token: string }) {
    return this.digests.confirm(body.token);
  }

  @Get('manage/:token')
  @ApiOperation({
    summary: 'Every digest of the address a manage link belongs to (the link is in each digest).',
  })
  @BY_TOKEN.docs
  async manage(@Param(BY_TOKEN.params) { token }: { token: string }) {
    const { emailKey: _key, ...view } = await this.digests.manage(token);
    return view;
  }

  @Patch('manage/:token/:id')
  @ApiOperation({ summary: 'Change the frequency, hour or time zone of one digest of that address.' })
  @BY_TOKEN_AND_ID.docs
  change(
    @Param(BY_TOKEN_AND_ID.params) p: { token: string; id: string },
    @Body(BY_TOKEN_AND_ID.body) body: ScheduleInput,
  ) {
    return this.digests.change(p.token, p.id, body);
  }

  @Delete('manage/:token/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop one digest of that address.' })
  @DELETE_BY_TOKEN_AND_ID.docs
  async remove(@Param(DELETE_BY_TOKEN_AND_ID.params) p: { token: string; id: string }) {
    await this.digests.remove(p.token, p.id);
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop the digest an unsubscribe link names (idempotent).' })
  @BY_TOKEN.docs
  unsubscribe(@Param(BY_TOKEN.params) { token }: { token: string }) {
    return this.digests.unsubscribe(token);
  }

  @Post('suppressions')
  @HttpCode(200)
  @UseGuards(MailWebhookGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "A mail provider's hard bounce or spam complaint: the address gets nothing any more and its digests stop.",
  })
  @SUPPRESS.docs
  suppress(@Body(SUPPRESS.body) body: { email: string; type: 'bounce' | 'complaint' }) {
    return this.digests.suppress(body.email, body.type);
  }
}
