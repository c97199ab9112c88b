import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { applyEnvFile } from './env-file';

describe('.env at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cj-env-'));
  const file = join(dir, '.env');
  writeFileSync(file, '# comment\nPORT=4100\nADMIN_TOKEN="a-long-enough-admin-token"\nLOG_LEVEL=debug\n');

  it('fills what the environment does not set; the environment wins', () => {
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn' };
    expect(applyEnvFile(env, file).sort()).toEqual(['ADMIN_TOKEN', 'PORT']);
    expect(env).toEqual({ LOG_LEVEL: 'warn', PORT: '4100', ADMIN_TOKEN: 'a-long-enough-admin-token' });
  });

  it('is optional, unless ENV_FILE names one that cannot be read', () => {
    expect(applyEnvFile({}, join(dir, 'missing.env'))).toEqual([]);
    expect(() => applyEnvFile({ ENV_FILE: join(dir, 'missing.env') })).toThrow(/ENV_FILE/);
  });

  it('a bad value stops the boot naming the variable', () => {
    const env: Record<string, string | undefined> = {};
    writeFileSync(join(dir, 'bad.env'), 'REDIS_URL=localhost:6379\n');
    applyEnvFile(env, join(dir, 'bad.env'));
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/REDIS_URL: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('reads an empty value as unset: no REDIS_URL keeps the queues in PostgreSQL', () => {
    const config = loadConfig({ REDIS_URL: '', DATABASE_URL: '' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });
});
