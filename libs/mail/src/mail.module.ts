import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { createMailer } from './create-mailer';
import { Mailer } from './mailer';

/**
 * Outgoing mail for a Nest application: provides `Mailer`, built from the configuration by
 * createMailer (SMTP or the local outbox), and closes its connections on shutdown.
 */
@Global()
@Module({
  providers: [
    { provide: Mailer, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMailer(config) },
  ],
  exports: [Mailer],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(Mailer) private readonly mailer: Mailer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}
