import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { DigestsController } from './digests.controller';
import { DigestsService } from './digests.service';
import { MailWebhookGuard } from './mail-webhook.guard';

/** E-mail digest subscriptions: /api/v1/digests (exports the service for the pages). */
@Module({
  imports: [CandidatesModule],
  controllers: [DigestsController],
  providers: [DigestsService, MailWebhookGuard],
  exports: [DigestsService],
})
export class DigestsModule {}
