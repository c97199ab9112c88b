import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, jsonLines } from '../support/cli-process';
import { greenhouseBoard } from '../support/feed-builders';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('operator CLI', () => {
  describe('parse and normalize (no database)', () => {
    it('parse prints one normalized listing per posting as JSON lines', async () => {
      const r = await cli([
        'parse',
        '--adapter',
        'greenhouse',
        'tests/fixtures/sources/greenhouse/board-jobs.json',
      ]);
      expect(r.code).toBe(0);
      const out = jsonLines(r.stdout);
      expect(out.length).toBeGreaterThanOrEqual(3);
      for (const l of out) {
        expect(Object.keys(l)).toEqual(
          expect.arrayContaining([
            'title',
            'employer',
            'role',
            'certifications',
            'workMode',
            'remoteStates',
            'salary',
          ]),
        );
        expect(l).not.toHaveProperty('descriptionHtml');
      }
    });

    it('normalize prints one object per file, in input order', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cj-cli-'));
      writeFileSync(
        join(dir, 'a.txt'),
        'Medical Biller\nPost payments and work denials. CPB preferred. $20/hr.',
      );
      writeFileSync(
        join(dir, 'b.html'),
        '<h1>Remote Inpatient Coder</h1><p>CCS required. Remote - must reside in TX or OK.</p>',
      );
      const r = await cli(['normalize', join(dir, 'a.txt'), join(dir, 'b.html')]);
      expect(r.code).toBe(0);
      const [a, b] = jsonLines(r.stdout);
      expect(a).toMatchObject({ title: 'Medical Biller', role: 'biller' });
      expect(b).toMatchObject({ title: 'Remote Inpatient Coder', workMode: 'remote' });
      expect([...(b.remoteStates as string[])].sort()).toEqual(['OK', 'TX']);
    });

    it('bad usage and bad input exit non-zero with a message naming what was wrong', async () => {
      const kind = await cli(['parse', '--adapter', 'myspace', 'x.json']);
      expect(kind.code).toBe(2);
      expect(kind.stderr).toMatch(/Unknown source kind "myspace"/);
      const page = await cli([
        'parse',
        '--adapter',
        'greenhouse',
        'tests/fixtures/sources/greenhouse/error-page.html',
      ]);
      expect(page.code).toBe(1);
      expect(page.stderr).toMatch(/expected JSON but the response is HTML/);
      const missing = await cli(['normalize', 'no/such/file.txt']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/no\/such\/file\.txt: cannot read/);
      const format = await cli(['normalize', '--format', 'pdf', 'x']);
      expect(format.code).toBe(2);
      expect(format.stderr).toMatch(/--format must be text, html or json/);
      const unknown = await cli(['frobnicate']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    });
  });

  describe('sources and ingest (real Postgres)', () => {
    let db: TestDatabase;
    let server: FixtureServer;
    let env: Record<string, string>;
    let dir: string;

    beforeAll(async () => {
      db = await createTestDatabase();
      server = await startFixtureServer();
      server.serve(
        '/v1/boards/mercy/jobs',
        greenhouseBoard([
          { id: '1', title: 'Medical Coder' },
          { id: '2', title: 'Medical Biller' },
        ]),
        'application/json',
      );
      // Queues in the test database (no REDIS_URL), which is dropped afterwards.
      env = {
        DATABASE_URL: db.url,
        REDIS_URL: '',
        QUEUE_PREFIX: `cjtest-cli-${process.pid}-${Date.now()}`,
        HTTP_ALLOW_HOSTS: server.host,
      };
      dir = mkdtempSync(join(tmpdir(), 'cj-cli-'));
    });
    afterAll(async () => {
      await server.close();
      await db.drop();
    });

    it('refuses a file with a bad entry and stores nothing from it', async () => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(
        file,
        `- id: gh-ok\n  kind: greenhouse\n  name: OK\n  config: { boardToken: ok, baseUrl: "${server.origin}" }\n` +
          `- id: gh-bad\n  kind: greenhouse\n  name: Bad\n  config: { boardToken: "has space" }\n`,
      );
      const r = await cli(['sources', 'import', file], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/entry 2 \(gh-bad\): config\.boardToken/);
      const [{ n }] = await db.ds.query('SELECT count(*)::int AS n FROM sources');
      expect(n).toBe(0);
    });

    it('imports sources, ingests one with a summary, and lists its health', async () => {
      const file = join(dir, 'sources.json');
      writeFileSync(
        file,
        JSON.stringify([
          {
            id: 'gh-mercy',
            kind: 'greenhouse',
            name: 'Mercy',
            config: { boardToken: 'mercy', baseUrl: server.origin },
          },
        ]),
      );
      const imported = await cli(['sources', 'import', file], env);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/imported 1 sources: 1 created, 0 updated/);

      const ingest = await cli(['ingest', 'gh-mercy'], env);
      expect(ingest.code).toBe(0);
      expect(ingest.stdout).toMatch(/gh-mercy: succeeded; fetched 2, new 2, updated 0, unchanged 0/);

      const again = await cli(['ingest', '--all'], env);
      expect(again.stdout).toMatch(/new 0, updated 0, unchanged 2/);

      const list = await cli(['sources', 'list'], env);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/gh-mercy\s+greenhouse\s+yes\s+360m\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+0\s+-/);

      const missing = await cli(['ingest', 'no-such-source'], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/No source with id "no-such-source"/);
    });
  });
});
