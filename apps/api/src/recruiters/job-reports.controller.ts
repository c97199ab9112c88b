import { Body, Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { endpointInput } from '../http/endpoint-input';
import { clientKey } from './client-key';
import { idParams, jobReportSchema, type JobReportInput } from './moderation.schemas';
import { ModerationService } from './moderation.service';

const REPORT = endpointInput({
  params: idParams,
  body: jobReportSchema,
  bodyExample: {
    reason: 'scam',
    details: 'Asked me to pay for training software before an interview.',
    email: null,
  },
});

/** A seeker's "report this job": it joins the operators' moderation queue. */
@ApiTags('listings')
@Controller('api/v1/listings')
export class JobReportsController {
  constructor(@Inject(ModerationService) private readonly moderation: ModerationService) {}

  @Post(':id/reports')
  @ApiOperation({ summary: 'Report a listing (scam, wrong information, closed...). The e-mail is optional.' })
  @REPORT.docs
  @ApiCreatedResponse({ schema: { example: { id: '3c1b…' } } })
  report(
    @Param(REPORT.params) p: { id: string },
    @Body(REPORT.body) body: JobReportInput,
    @Req() request: FastifyRequest,
  ) {
    return this.moderation.report(p.id, body, clientKey(request.ip));
  }
}
