import type { Queue } from 'bullmq';
import request from 'supertest';
import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';
import { ingestionQueue, QUEUE_BACKENDS, queueEnv } from '../support/queue-backends';
import { createTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'test-admin-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };

describe.each(QUEUE_BACKENDS)(
  'API: admin sources, listings read, health, metrics, docs (queues on %s)',
  (backend) => {
    let h: IngestionHarness;
    let t: TestApp;
    let queue: Queue;
    const prefix = `cjtest-admin-${process.pid}-${Date.now()}`;
    let board: JobSpec[];

    beforeAll(async () => {
      h = await createIngestionHarness();
      board = Array.from({ length: 5 }, (_, i) => ({
        id: String(9000 + i),
        title: `Medical Coder ${i + 1}`,
      }));
      h.server.route('GET', '/v1/boards/mercy/jobs', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(board));
      });
      await h.addGreenhouse('gh-mercy', 'mercy');
      await h.service.runSource('gh-mercy', 'manual');
      t = await createTestApp(h.db.url, { ADMIN_TOKEN: TOKEN, QUEUE_PREFIX: prefix, ...queueEnv(backend) });
      queue = ingestionQueue(backend, h.db.url, prefix);
    });

    afterAll(async () => {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await t.close();
      await h.close();
    });

    describe('admin auth', () => {
      it('answers 401 without a token and 403 with a wrong one, as JSON naming the problem', async () => {
        const none = await request(t.server).get('/api/v1/admin/sources');
        expect(none.status).toBe(401);
        expect(none.body.error).toMatchObject({
          code: 'UNAUTHORIZED',
          message: expect.stringMatching(/Bearer/),
        });
        const wrong = await request(t.server)
          .get('/api/v1/admin/sources')
          .set('Authorization', 'Bearer nope');
        expect(wrong.status).toBe(403);
        expect(wrong.body.error.code).toBe('FORBIDDEN');
      });

      it('is disabled (503) when no admin token is configured', async () => {
        const off = await createTestApp(h.db.url, queueEnv(backend));
        try {
          const res = await request(off.server).get('/api/v1/admin/sources').set(auth);
          expect(res.status).toBe(503);
          expect(res.body.error.code).toBe('ADMIN_DISABLED');
        } finally {
          await off.close();
        }
      });
    });

    describe('admin sources CRUD', () => {
      const lever = {
        id: 'lever-tallgrass',
        kind: 'lever',
        name: 'Tallgrass Physicians',
        intervalMinutes: 120,
        config: { site: 'tallgrass', employerName: 'Tallgrass Physician Group' },
      };

      it('lists sources with their health', async () => {
        const res = await request(t.server).get('/api/v1/admin/sources').set(auth).expect(200);
        const gh = res.body.items.find((s: { id: string }) => s.id === 'gh-mercy');
        expect(gh.health).toMatchObject({ consecutiveFailures: 0, lastErrorCode: null });
        expect(gh.health.lastSuccessAt).toBeTruthy();
      });

      it('creates a source, registers its scheduler, and refuses a duplicate id', async () => {
        const res = await request(t.server).post('/api/v1/admin/sources').set(auth).send(lever).expect(201);
        expect(res.body).toMatchObject({
          id: 'lever-tallgrass',
          kind: 'lever',
          enabled: true,
          intervalMinutes: 120,
        });
        const schedulers = (await queue.getJobSchedulers(0, -1)).map((s) => s.key);
        expect(schedulers).toContain('source:lever-tallgrass');
        const again = await request(t.server).post('/api/v1/admin/sources').set(auth).send(lever);
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe('SOURCE_EXISTS');
      });

      it('names the bad field when a definition or its adapter config is invalid', async () => {
        const badKind = await request(t.server)
          .post('/api/v1/admin/sources')
          .set(auth)
          .send({ ...lever, id: 'x-1', kind: 'myspace' });
        expect(badKind.status).toBe(400);
        expect(badKind.body.error.message).toMatch(/kind/);
        const badConfig = await request(t.server)
          .post('/api/v1/admin/sources')
          .set(auth)
          .send({ ...lever, id: 'x-2', config: { site: 'has spaces' } });
        expect(badConfig.status).toBe(400);
        expect(badConfig.body.error.message).toMatch(/config\.site/);
        const secret = await request(t.server)
          .post('/api/v1/admin/sources')
          .set(auth)
          .send({
            id: 'usajobs-coders',
            kind: 'usajobs',
            name: 'Federal coders',
            config: { keyword: 'coder', email: 'feeds@example.org', apiKey: 'do-not-store-me' },
          });
        expect(secret.status).toBe(400);
        expect(secret.body.error.message).toMatch(/config\.apiKey: secrets are not stored/);
        expect(JSON.stringify(secret.body)).not.toContain('do-not-store-me');
        const malformed = await request(t.server)
          .post('/api/v1/admin/sources')
          .set(auth)
          .set('content-type', 'application/json')
          .send('{"id": ');
        expect(malformed.status).toBe(400);
        expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
      });

      it('patches a source (disabling it removes its scheduler) and deletes it', async () => {
        const patched = await request(t.server)
          .patch('/api/v1/admin/sources/lever-tallgrass')
          .set(auth)
          .send({ enabled: false })
          .expect(200);
        expect(patched.body.enabled).toBe(false);
        expect(patched.body.config.site).toBe('tallgrass');
        let schedulers = (await queue.getJobSchedulers(0, -1)).map((s) => s.key);
        expect(schedulers).not.toContain('source:lever-tallgrass');
        const idChange = await request(t.server)
          .patch('/api/v1/admin/sources/lever-tallgrass')
          .set(auth)
          .send({ id: 'other' });
        expect(idChange.status).toBe(400);
        await request(t.server).delete('/api/v1/admin/sources/lever-tallgrass').set(auth).expect(204);
        await request(t.server).get('/api/v1/admin/sources/lever-tallgrass').set(auth).expect(404);
        schedulers = (await queue.getJobSchedulers(0, -1)).map((s) => s.key);
        expect(schedulers).not.toContain('source:lever-tallgrass');
      });

      it('queues a manual run for the worker and lists runs with their counts', async () => {
        const res = await request(t.server).post('/api/v1/admin/sources/gh-mercy/runs').set(auth).expect(202);
        const job = await queue.getJob(res.body.jobId);
        expect(job?.data).toEqual({ sourceId: 'gh-mercy', trigger: 'api' });
        const runs = await request(t.server)
          .get('/api/v1/admin/sources/gh-mercy/runs?limit=5')
          .set(auth)
          .expect(200);
        expect(runs.body.items[0]).toMatchObject({
          status: 'succeeded',
          new: 5,
          fetched: 5,
          trigger: 'manual',
        });
        const bad = await request(t.server).get('/api/v1/admin/sources/gh-mercy/runs?limit=0').set(auth);
        expect(bad.status).toBe(400);
        expect(bad.body.error.details[0].field).toBe('query.limit');
      });
    });

    describe('listings read API', () => {
      it('pages newest first with a cursor and never repeats or skips a listing', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res: request.Response = await request(t.server)
            .get('/api/v1/listings')
            .query({ limit: 2, ...(cursor ? { cursor } : {}) })
            .expect(200);
          seen.push(...res.body.items.map((l: { id: string }) => l.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(seen).toHaveLength(5);
        expect(new Set(seen).size).toBe(5);
      });

      it('excludes closed listings by default and filters by source and status', async () => {
        const [{ id }] = await h.ds.query("SELECT id FROM listings WHERE title = 'Medical Coder 1'");
        await h.ds.query("UPDATE listings SET status = 'closed', closed_reason = 'missing' WHERE id = $1", [
          id,
        ]);
        const open = await request(t.server).get('/api/v1/listings').query({ limit: 50 }).expect(200);
        expect(open.body.items.map((l: { id: string }) => l.id)).not.toContain(id);
        const closed = await request(t.server)
          .get('/api/v1/listings')
          .query({ status: 'closed', source: 'gh-mercy' });
        expect(closed.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
        const otherSource = await request(t.server)
          .get('/api/v1/listings')
          .query({ source: 'nope', status: 'all' });
        expect(otherSource.body.items).toEqual([]);
      });

      it('shows one listing with its sources, and 404/400 for unknown or malformed ids', async () => {
        const [{ id }] = await h.ds.query("SELECT id FROM listings WHERE title = 'Medical Coder 2'");
        const res = await request(t.server).get(`/api/v1/listings/${id}`).expect(200);
        expect(res.body).toMatchObject({ id, title: 'Medical Coder 2', employer: 'Mercy Valley Health' });
        expect(res.body.sources).toEqual([
          expect.objectContaining({
            sourceId: 'gh-mercy',
            externalId: '9001',
            kind: 'greenhouse',
            status: 'active',
          }),
        ]);
        expect(res.body.descriptionHtml).not.toMatch(/<script/i);
        await request(t.server).get('/api/v1/listings/00000000-0000-4000-8000-000000000000').expect(404);
        const bad = await request(t.server).get('/api/v1/listings/not-a-uuid');
        expect(bad.status).toBe(400);
        expect(bad.body.error.details[0].field).toBe('params.id');
        const badCursor = await request(t.server).get('/api/v1/listings').query({ cursor: 'garbage' });
        expect(badCursor.status).toBe(400);
        expect(badCursor.body.error.code).toBe('INVALID_CURSOR');
      });
    });

    describe('operations', () => {
      it('reports liveness and readiness of the database and the queue backend, naming both', async () => {
        await request(t.server)
          .get('/health')
          .expect(200, { status: 'ok', backends: { database: 'server', queue: backend } });
        const ready = await request(t.server).get('/health/ready').expect(200);
        expect(ready.body.checks).toEqual({ postgres: 'ok', queue: 'ok', searchIndex: 'ok' });
        expect(ready.body.backends).toEqual({ database: 'server', queue: backend });
      });

      it('exposes Prometheus metrics read from the run rows', async () => {
        const res = await request(t.server).get('/metrics').expect(200);
        expect(res.text).toMatch(
          /coderjobs_postings_ingested_total\{source="gh-mercy",outcome="new",process="api"\} 5/,
        );
        expect(res.text).toMatch(
          /coderjobs_ingest_run_duration_seconds_count\{[^}]*source="gh-mercy"[^}]*\} [1-9]/,
        );
        expect(res.text).toMatch(/coderjobs_queue_depth\{queue="ingestion",state="waiting",process="api"\}/);
      });

      it('serves the OpenAPI document', async () => {
        const res = await request(t.server).get('/docs/openapi.json').expect(200);
        expect(Object.keys(res.body.paths)).toEqual(
          expect.arrayContaining(['/api/v1/listings', '/api/v1/admin/sources', '/api/v1/postings/preview']),
        );
      });
    });

    describe('postings preview', () => {
      it('reads a pasted posting and shows the phrase behind each fact', async () => {
        const res = await request(t.server)
          .post('/api/v1/postings/preview')
          .send({
            title: 'Remote Outpatient Coder',
            description:
              '<p>CPC or CCS required.</p><p>Remote - must reside in TX, OK or AR.</p><script>alert(1)</script><p>$24.00 - $29.00/hr</p>',
          })
          .expect(200);
        expect(res.body.listing.workMode).toBe('remote');
        expect([...res.body.listing.remoteStates].sort()).toEqual(['AR', 'OK', 'TX']);
        expect(res.body.listing.salary).toMatchObject({ min: 24, max: 29, period: 'hour' });
        expect(res.body.listing.descriptionHtml).not.toMatch(/script|alert/);
        const remote = res.body.evidence.find((e: { field: string }) => e.field === 'remoteStates');
        expect(remote.phrase).toMatch(/TX, OK or AR/);
      });

      it('marks what it worked out rather than read, and reads Markdown', async () => {
        const res = await request(t.server)
          .post('/api/v1/postings/preview')
          .send({
            title: 'Payment Poster',
            description:
              '## Duties\n- Post insurance payments from **ERAs**\n- Balance the daily deposit\n\nSalary range: $41,000 - $47,500',
          })
          .expect(200);
        expect(res.body.listing).toMatchObject({
          role: 'biller',
          salary: { min: 41000, max: 47500, period: 'year' },
          confidence: { role: { level: 'high' }, salary: { level: 'low' } },
        });
        expect(res.body.listing.descriptionText).not.toMatch(/##|\*\*/);
        const pay = res.body.evidence.find((e: { field: string }) => e.field === 'salary');
        expect(pay).toMatchObject({
          phrase: expect.stringMatching(/41,000/),
          inferred: expect.stringMatching(/size/),
        });
      });

      it('rejects a missing title with the field named', async () => {
        const res = await request(t.server).post('/api/v1/postings/preview').send({ description: 'x' });
        expect(res.status).toBe(400);
        expect(res.body.error.details[0].field).toBe('body.title');
      });
    });
  },
);
