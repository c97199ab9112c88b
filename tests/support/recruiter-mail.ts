import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JOB_RECRUITER_MAIL, RECRUITERS_QUEUE, type RecruiterMailPayload } from '#jobs';
import { createMailer, type Mailer } from '#mail';
import { loadConfig } from '#config';
import { RecruiterMailSender } from '../../apps/worker/src/recruiters/recruiter-mail.sender';
import { SmtpSink, type CaughtMail } from './smtp-sink';

/**
 * The worker's half of recruiters' mail for API tests: takes the mail jobs the API enqueued and sends
 * them with the worker's own sender through a real SMTP server on loopback, so a test reads the links
 * from real mail.
 */
export class RecruiterMailbox {
  readonly sink = new SmtpSink();
  private mailer!: Mailer;
  private sender!: RecruiterMailSender;
  private queue!: Queue;

  async start(
    app: NestFastifyApplication,
    ds: DataSource,
    publicUrl = 'http://localhost:3000',
  ): Promise<this> {
    await this.sink.start();
    this.mailer = createMailer(loadConfig({ SMTP_URL: this.sink.url, MAIL_DOMAIN_RATE: '0' }));
    this.sender = new RecruiterMailSender(ds, this.mailer, { PUBLIC_URL: publicUrl, PORT: 3000 });
    this.queue = app.get<Queue>(getQueueToken(RECRUITERS_QUEUE));
    return this;
  }

  /** Sends every mail job waiting in the queue (as the worker would) and removes it. */
  async deliver(): Promise<CaughtMail[]> {
    const before = this.sink.messages.length;
    const jobs = await this.queue.getJobs(['waiting', 'delayed', 'prioritized'], 0, 500);
    for (const job of jobs.filter((j) => j.name === JOB_RECRUITER_MAIL)) {
      await this.sender.send(job.data as RecruiterMailPayload);
      await job.remove();
    }
    return this.sink.messages.slice(before);
  }

  /** The token in the last link mailed to `to`. */
  async tokenFor(to: string, kind: 'sign-in/confirm' | 'invitations/accept'): Promise<string> {
    await this.deliver();
    const mail = [...this.sink.messages]
      .reverse()
      .find((m) => m.envelopeTo.includes(to) && m.parsed.text?.includes(kind));
    const match =
      mail && new RegExp(`/recruiters/${kind}\\?token=([A-Za-z0-9_-]+)`).exec(mail.parsed.text ?? '');
    if (!match) throw new Error(`no ${kind} link mailed to ${to}`);
    return match[1];
  }

  async stop(): Promise<void> {
    await this.mailer?.close();
    await this.sink.stop();
  }
}
