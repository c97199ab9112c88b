import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink took: the envelope, the raw bytes and the parsed message. */
export interface CaughtMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  /** A header's raw value (unfolded), by lowercase name. */
  header(name: string): string | undefined;
}

export interface SmtpSinkOptions {
  /** An SMTP reply code to refuse a recipient with (e.g. 550 or 451), or undefined to take it. */
  refuseRecipient?: (address: string) => number | undefined;
  /** Wait this long before accepting each message (a slow server, so a sender can die mid-batch). */
  acceptDelayMs?: number;
  /** Only count messages (benchmarks: parsing would compete with the sender for the CPU). */
  countOnly?: boolean;
}

/**
 * A real SMTP server on loopback (smtp-server, no TLS, no auth) that keeps what it receives, for
 * tests of anything that sends mail. `url` goes in SMTP_URL.
 */
export class SmtpSink {
  readonly messages: CaughtMail[] = [];
  /** Connections opened so far: pooled sending opens few. */
  connections = 0;
  /** Messages taken (also with countOnly). */
  received = 0;
  private server!: SMTPServer;
  private port = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly options: SmtpSinkOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 5 * 1024 * 1024,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        const code = this.options.refuseRecipient?.(address.address);
        if (code === undefined) return callback();
        const err = Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), {
          responseCode: code,
        });
        callback(err);
      },
      onData: (stream, session, callback) => {
        if (this.options.countOnly) {
          stream.on('data', () => undefined);
          stream.on('end', () => {
            this.received++;
            callback();
          });
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          new Promise((resolve) => setTimeout(resolve, this.options.acceptDelayMs ?? 0))
            .then(() => simpleParser(raw))
            .then((parsed) => {
              this.messages.push(caught(raw, parsed, session.envelope));
              this.received++;
              this.waiters.splice(0).forEach((w) => w());
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    // A client that dies mid-session (a killed worker) resets its connection: not the sink's failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves once at least `count` messages arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<CaughtMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages;
  }

  /** Messages for one recipient. */
  to(address: string): CaughtMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) => m.envelopeTo.some((t) => t.toLowerCase() === a));
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function caught(
  raw: string,
  parsed: ParsedMail,
  envelope: { mailFrom: false | { address: string }; rcptTo: Array<{ address: string }> },
): CaughtMail {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return {
    envelopeFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
    envelopeTo: envelope.rcptTo.map((r) => r.address),
    raw,
    parsed,
    header: (name) => headers.get(name.toLowerCase()),
  };
}
