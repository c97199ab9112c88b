import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';
import { createTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'test-admin-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };

/** A "Redis" on loopback that takes connections and never answers: a queue backend that hangs. */
async function silentRedis(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

// Queueing a run while the queue backend hangs used to wait as long as the backend did (10.7 minutes
// in a probe); it answers 503 QUEUE_UNAVAILABLE within QUEUE_TIMEOUT_MS instead, and source changes
// still stand (the workers' reconciliation registers their schedulers later).
describe('admin API while the queue backend does not answer', () => {
  let h: IngestionHarness;
  let t: TestApp;
  let redis: Awaited<ReturnType<typeof silentRedis>>;

  beforeAll(async () => {
    h = await createIngestionHarness();
    await h.addGreenhouse('gh-mercy', 'mercy');
    redis = await silentRedis();
    t = await createTestApp(h.db.url, { ADMIN_TOKEN: TOKEN, REDIS_URL: redis.url, QUEUE_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await redis.close();
    await t.close();
    await h.close();
  });

  it('answers 503 QUEUE_UNAVAILABLE for a run within the timeout instead of hanging', async () => {
    const started = Date.now();
    const res = await request(t.server).post('/api/v1/admin/sources/gh-mercy/runs').set(auth);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'QUEUE_UNAVAILABLE',
      message: expect.stringMatching(/job queue .*gh-mercy/),
    });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('keeps a source change although its schedulers could not be updated in time', async () => {
    const started = Date.now();
    const res = await request(t.server)
      .patch('/api/v1/admin/sources/gh-mercy')
      .set(auth)
      .send({ intervalMinutes: 90 });
    expect(res.status).toBe(200);
    expect(res.body.intervalMinutes).toBe(90);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
