import { Module } from '@nestjs/common';
import { ConfirmationMailer } from './confirmation-mailer';
import { DigestsProcessor } from './digests.processor';

/** E-mail digests in the worker: confirmation mails, compose and send jobs, their schedules. */
@Module({ providers: [ConfirmationMailer, DigestsProcessor] })
export class DigestsModule {}
