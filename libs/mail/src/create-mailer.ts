import { readFileSync } from 'node:fs';
import type { DKIMOptions } from 'nodemailer/lib/dkim';
import type { AppConfig } from '#config';
import { DomainRateLimiter } from './domain-rate';
import type { Mailer } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SmtpMailer } from './smtp-mailer';

type MailConfig = Pick<
  AppConfig,
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'MAIL_OUTBOX_DIR'
  | 'MAIL_MAX_CONNECTIONS'
  | 'MAIL_DOMAIN_RATE'
  | 'DKIM_DOMAIN'
  | 'DKIM_SELECTOR'
  | 'DKIM_PRIVATE_KEY_FILE'
>;

/**
 * The one place that decides the transport: SMTP (pooled) when SMTP_URL is set, the outbox folder
 * otherwise. DKIM signs with either when its three settings are there.
 */
export function createMailer(config: MailConfig): Mailer {
  const pace = new DomainRateLimiter(config.MAIL_DOMAIN_RATE);
  const dkim = dkimOptions(config);
  if (config.SMTP_URL) {
    return new SmtpMailer({
      url: config.SMTP_URL,
      from: config.MAIL_FROM,
      maxConnections: config.MAIL_MAX_CONNECTIONS,
      pace,
      dkim,
    });
  }
  return new OutboxMailer({ dir: config.MAIL_OUTBOX_DIR, from: config.MAIL_FROM, pace, dkim });
}

function dkimOptions(config: MailConfig): DKIMOptions | undefined {
  if (!config.DKIM_DOMAIN || !config.DKIM_SELECTOR || !config.DKIM_PRIVATE_KEY_FILE) return undefined;
  return {
    domainName: config.DKIM_DOMAIN,
    keySelector: config.DKIM_SELECTOR,
    // Read once at boot: a missing key file stops the process instead of sending unsigned mail.
    privateKey: readFileSync(config.DKIM_PRIVATE_KEY_FILE, 'utf8'),
    // The headers receivers and the 2024 bulk-sender rules look at, signed explicitly.
    headerFieldNames:
      'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:List-Unsubscribe:List-Unsubscribe-Post:List-Id',
  };
}
