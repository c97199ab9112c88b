import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, type AppConfig } from '#config';
import { MailboxService, RecipientRefused, type AcceptedTarget } from './mailbox.service';

/** Recipients one message may have: ours get one or two (an unsubscribe, a report). */
export const MAX_RECIPIENTS = 10;
/**
 * Refused recipients one connection may try before it is closed (421): guessing tokens or harvesting
 * addresses costs a connection per few attempts instead of one line each.
 */
export const MAX_REFUSED_RECIPIENTS = 20;
/** Connections at once; a receiving MX for reports and unsubscribes sees few. */
const MAX_CLIENTS = 50;

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

/**
 * The worker's inbound SMTP server (a receiving MX, so no AUTH): takes mail for the configured
 * domain's unsubscribe+, bounce+, unsubscribe@ and complaints@ addresses only (MailboxService says
 * which), refuses any other recipient at RCPT (other domains: no relaying), at most
 * INBOUND_SMTP_MAX_BYTES a message and MAX_RECIPIENTS recipients. Off unless INBOUND_SMTP_PORT is
 * set. Never logs an address, a token or a body.
 */
@Injectable()
export class InboundMailbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mailbox');
  private server: SMTPServer | null = null;
  private readonly targets = new WeakMap<SMTPServerSession, Map<string, AcceptedTarget>>();
  private readonly refused = new WeakMap<SMTPServerSession, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MailboxService) private readonly mailbox: MailboxService,
  ) {}

  /** The bound port, once listening (INBOUND_SMTP_PORT=0 picks a free one). */
  get port(): number | undefined {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    return address?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.INBOUND_SMTP_PORT === undefined) return;
    await this.start(this.config.INBOUND_SMTP_PORT, this.config.INBOUND_SMTP_HOST);
  }

  async start(port: number, host: string): Promise<void> {
    const tls = this.tlsFiles();
    const server = new SMTPServer({
      name: this.mailbox.domain,
      banner: 'CoderJobs mailbox',
      // A receiving MX: anyone may deliver to our addresses, nobody may relay. STARTTLS only with the
      // operator's certificate (smtp-server would otherwise offer its built-in, publicly known one).
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...tls,
      authOptional: true,
      // No DNS queries for connecting clients.
      disableReverseLookup: true,
      logger: false,
      size: this.config.INBOUND_SMTP_MAX_BYTES,
      rejectOversized: true,
      maxRecipients: MAX_RECIPIENTS,
      maxClients: MAX_CLIENTS,
      socketTimeout: 60_000,
      // Shutdown must not wait for a slow client for long.
      closeTimeout: 3_000,
      onMailFrom: (_address, session, callback) => {
        // A new transaction: the recipients of an earlier one on this connection are done.
        this.targets.delete(session);
        callback();
      },
      onRcptTo: (address, session, callback) => {
        this.mailbox.checkRecipient(address.address).then(
          (target) => {
            const accepted = this.targets.get(session) ?? new Map<string, AcceptedTarget>();
            accepted.set(address.address.toLowerCase(), target);
            this.targets.set(session, accepted);
            callback();
          },
          (err: unknown) => {
            if (err instanceof RecipientRefused) {
              const count = (this.refused.get(session) ?? 0) + 1;
              this.refused.set(session, count);
              if (count > MAX_REFUSED_RECIPIENTS)
                return callback(smtpError(421, 'Too many refused recipients'));
              return callback(smtpError(err.responseCode, err.message));
            }
            this.logger.error(`checking a recipient failed: ${(err as Error).message}`);
            callback(smtpError(451, 'Temporary failure, try again later'));
          },
        );
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (err: unknown) => {
            if (stream.sizeExceeded) return callback(smtpError(552, 'Message exceeds the size limit'));
            if (err instanceof RecipientRefused) return callback(smtpError(err.responseCode, err.message));
            this.logger.error(`handling a message failed: ${(err as Error).message}`);
            callback(smtpError(451, 'Temporary failure, try again later'));
          },
        );
      },
    });
    // A client resetting its connection is the client's business.
    server.on('error', (err) => this.logger.debug(`smtp: ${err.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`listening on ${host}:${this.port} for ${this.mailbox.domain}`);
  }

  /** The STARTTLS key and certificate, read once at start (a missing file stops the worker). */
  private tlsFiles(): { key: Buffer; cert: Buffer } | undefined {
    const { INBOUND_SMTP_TLS_KEY_FILE: key, INBOUND_SMTP_TLS_CERT_FILE: cert } = this.config;
    return key && cert ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined;
  }

  /** Reads the message (at most the size limit kept) and acts on it for each accepted recipient. */
  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    let kept = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (kept + chunk.length <= this.config.INBOUND_SMTP_MAX_BYTES) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    }
    if (stream.sizeExceeded) throw new Error('message too large');
    const raw = Buffer.concat(chunks);
    const accepted = this.targets.get(session);
    // The envelope of this transaction only: an earlier one on the same connection is done.
    for (const rcpt of session.envelope.rcptTo) {
      const target = accepted?.get(rcpt.address.toLowerCase());
      if (target) await this.mailbox.deliver(target, raw);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
