import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads a dotenv file (`.env` in the working directory, or ENV_FILE) into `env` at start. The
 * environment wins: a variable already set is never overwritten, so `PORT=4000 npm start` beats the
 * file. A missing file is normal (every setting has a default); an unreadable one stops the boot.
 * Returns the names taken from the file.
 */
export function applyEnvFile(
  env: Record<string, string | undefined> = process.env,
  path = env.ENV_FILE ?? '.env',
): string[] {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && env.ENV_FILE === undefined) return [];
    throw new Error(`cannot read ${path} (ENV_FILE): ${(err as Error).message}`, { cause: err });
  }
  const taken: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    taken.push(name);
  }
  return taken;
}
