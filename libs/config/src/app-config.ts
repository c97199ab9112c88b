import { z } from 'zod';
import { parseAllowHosts } from '#http';

// Every setting has a local default so the README's first command works on a fresh machine; a bad
// value stops the process at boot with a message naming the variable.
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    /**
     * A PostgreSQL server (postgres://user:pass@host:port/db). Unset: the embedded PostgreSQL that
     * `npm start` runs in POSTGRES_DATA_DIR.
     */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' })
      .optional(),
    /** The embedded PostgreSQL's data folder (when DATABASE_URL is unset), relative to the working directory. */
    POSTGRES_DATA_DIR: z.string().min(1).default('.data/postgres'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Redis for the job queues (redis:// or rediss://). Unset: the queues live in PostgreSQL. */
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' })
      .optional(),
    /** Prefix for every BullMQ key (Redis) or schema (PostgreSQL), so tests and deployments can share one. */
    QUEUE_PREFIX: z.string().min(1).default('coderjobs'),
    /** How long an API request waits on the queue backend (e.g. queueing a run) before answering 503. */
    QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /**
     * How often each worker makes the job schedulers match the sources again, so schedules lost with
     * the queue backend's data (a Redis restarted empty) come back by themselves; also on reconnect.
     */
    SCHEDULER_RECONCILE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    /** Bearer token for /api/v1/admin; admin routes answer 503 when it is unset. */
    ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    LOG_FORMAT: z.enum(['json', 'text']).default('json'),
    HTTP_USER_AGENT: z
      .string()
      .default(
        'CoderJobsBot/0.1 (+https://github.com/coderjobs/coderjobs; job aggregator for medical coders)',
      ),
    HTTP_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    HTTP_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    HTTP_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
    HTTP_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1_000),
    HTTP_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    /**
     * Destinations fetched although their address is internal (loopback, private, link-local...),
     * which are refused otherwise: a comma list of host, host:port or CIDR entries.
     */
    HTTP_ALLOW_HOSTS: z
      .string()
      .default('')
      .superRefine((value, ctx) => {
        try {
          parseAllowHosts(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      }),
    /** Absent from this many consecutive complete snapshots closes a listing. */
    CLOSE_AFTER_MISSES: z.coerce.number().int().min(1).default(2),
    /**
     * How long a worker told to stop (SIGTERM) lets its active runs finish; then they stop at their
     * next write and are recorded as interrupted, with what they wrote.
     */
    WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
    /** Failure cooldown: base * 2^(failures-1), capped. */
    SOURCE_BACKOFF_BASE_MINUTES: z.coerce.number().positive().default(15),
    SOURCE_BACKOFF_MAX_MINUTES: z.coerce
      .number()
      .positive()
      .default(24 * 60),
    /**
     * A complete snapshot that loses more than this share of a source's open postings at once is held
     * as suspect (nothing closed) until it repeats past the close window or an operator confirms it.
     */
    SNAPSHOT_SHRINK_GUARD: z.coerce.number().gt(0).max(1).default(0.5),
    /** YAML or JSON file of sources the service imports at start (the sample file by default). */
    SOURCES_FILE: z.string().optional(),
    /** Overrides the credential equivalence rules used in matching. */
    CREDENTIAL_EQUIVALENCES_FILE: z.string().optional(),
    /** Listings from one employer allowed on the first page of matches. */
    MATCH_EMPLOYER_CAP: z.coerce.number().int().min(1).default(3),
    /**
     * Where open-listing search, facets and match pools are answered: `memory` (an index of open
     * listings in each API process, caught up with Postgres before every request) or `sql` (Postgres
     * alone; less memory, slower at scale). Closed-listing and per-source searches always use SQL.
     */
    SEARCH_INDEX: z.enum(['memory', 'sql']).default('memory'),
    /**
     * The address people reach the pages at, for canonical links, the sitemap and JSON-LD (never taken
     * from a request's Host header). Defaults to http://localhost:PORT. An https address also marks
     * cookies Secure.
     */
    PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        error: 'PUBLIC_URL must be an http or https URL such as https://coderjobs.example',
      })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    /**
     * Key for the pages' form tokens (CSRF). Set it when more than one API process serves the pages;
     * unset, each process makes a random one at boot.
     */
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    /**
     * Outgoing mail: smtp:// or smtps:// (user and password in the URL) sends through a pool of SMTP
     * connections; unset, mail is written as .eml files to MAIL_OUTBOX_DIR for a person to open.
     */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
      .optional(),
    /** The From of every message the service sends. */
    MAIL_FROM: z.string().min(3).default('CoderJobs <no-reply@coderjobs.localhost>'),
    /** Where mail goes when SMTP_URL is unset (relative to the working directory). */
    MAIL_OUTBOX_DIR: z.string().min(1).default('var/outbox'),
    /** Open SMTP connections per process. */
    MAIL_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
    /** Messages per second to one recipient domain (gmail.com, a hospital's domain), per process; 0: no limit. */
    MAIL_DOMAIN_RATE: z.coerce.number().int().min(0).default(20),
    /** A digest's "still open from earlier" section: at most this many of the last digest's listings; 0 (default): none. */
    DIGEST_STILL_OPEN: z.coerce.number().int().min(0).max(5).default(0),
    /**
     * Key signing the links in e-mails (manage, unsubscribe); the API and the worker must share it.
     * Unset, a key derived from DATABASE_URL is used (shared by both apps, but known to whoever knows
     * that URL): set it in production.
     */
    MAIL_LINK_SECRET: z.string().min(32, 'MAIL_LINK_SECRET must be at least 32 characters').optional(),
    /** Token a mail provider sends (Bearer) to report bounces and complaints; the endpoint answers 503 without it. */
    MAIL_WEBHOOK_TOKEN: z.string().min(16, 'MAIL_WEBHOOK_TOKEN must be at least 16 characters').optional(),
    /**
     * The worker's inbound mailbox (an SMTP server for the digests' mailto unsubscribes, bounces and
     * complaints): off unless a port is set. It binds INBOUND_SMTP_HOST (loopback by default; the
     * address the MX record reaches in production) and takes mail only for INBOUND_MAIL_DOMAIN.
     */
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    /** The domain of the mailbox's addresses (unsubscribe+..., bounce+...); the From's domain by default. */
    INBOUND_MAIL_DOMAIN: z
      .string()
      .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, {
        error: 'INBOUND_MAIL_DOMAIN must be a domain name such as bounces.coderjobs.example',
      })
      .optional(),
    /** The largest message the mailbox takes (a report quotes the digest it is about). */
    INBOUND_SMTP_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(10_000)
      .max(50 * 1024 * 1024)
      .default(2 * 1024 * 1024),
    /**
     * STARTTLS for the inbound mailbox, when both are set: PEM files of the key and the certificate
     * (chain) for its host name. Without them the mailbox offers no TLS.
     */
    INBOUND_SMTP_TLS_KEY_FILE: z.string().min(1).optional(),
    INBOUND_SMTP_TLS_CERT_FILE: z.string().min(1).optional(),
    /** DKIM signing, when all three are set: the d= domain, the selector, and a PEM private key file. */
    DKIM_DOMAIN: z.string().min(3).optional(),
    DKIM_SELECTOR: z.string().min(1).optional(),
    DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.INBOUND_SMTP_TLS_KEY_FILE === undefined) !== (c.INBOUND_SMTP_TLS_CERT_FILE === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['INBOUND_SMTP_TLS_KEY_FILE'],
        message: 'INBOUND_SMTP_TLS_KEY_FILE and INBOUND_SMTP_TLS_CERT_FILE are set together or not at all',
      });
    }
    // Half a DKIM setup would send unsigned mail while the operator believes it is signed.
    const dkim = [c.DKIM_DOMAIN, c.DKIM_SELECTOR, c.DKIM_PRIVATE_KEY_FILE].filter((v) => v !== undefined);
    if (dkim.length > 0 && dkim.length < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['DKIM_DOMAIN'],
        message: 'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE are set together or not at all',
      });
    }
  });

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty values count as unset, as in most .env readers: `REDIS_URL=` means "no Redis". */
function withoutEmptyValues(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = schema.safeParse(withoutEmptyValues(env));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
