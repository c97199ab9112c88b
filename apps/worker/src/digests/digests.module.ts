import { Module } from '@nestjs/common';
import { ConfirmationMailer } from './confirmation-mailer';
import { DigestComposer } from './digest-composer';
import { DigestScheduler } from './digest-scheduler';
import { DigestSender } from './digest-sender';
import { DigestsProcessor } from './digests.processor';

/** E-mail digests in the worker: confirmation mails, the tick, compose and send jobs, housekeeping. */
@Module({
  providers: [ConfirmationMailer, DigestScheduler, DigestComposer, DigestSender, DigestsProcessor],
  exports: [DigestScheduler, DigestComposer, DigestSender],
})
export class DigestsModule {}
