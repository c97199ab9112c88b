import { Module } from '@nestjs/common';
import { RecruiterMailSender } from './recruiter-mail.sender';
import { RecruitersProcessor } from './recruiters.processor';

/** The recruiters' background work: their mail, posting expiry and renewal reminders. */
@Module({ providers: [RecruiterMailSender, RecruitersProcessor] })
export class RecruitersWorkerModule {}
