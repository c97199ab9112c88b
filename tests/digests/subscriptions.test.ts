import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { INestApplicationContext } from '@nestjs/common';
import { DigestUrls } from '#digests';
import { loadConfig } from '#config';
import { repositoriesOf } from '#persistence';
import { dropQueueKeys } from '../support/queue-backends';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createTestWorker } from '../support/test-worker';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WEBHOOK_TOKEN = 'webhook-token-0123456789';

// Subscribing end to end: the API takes the subscription, the worker (the real module, in this
// process) sends the confirmation mail to a real SMTP server on loopback, the links in it work.
describe('digest subscriptions: subscribe, confirm, manage, unsubscribe, suppress', () => {
  let db: TestDatabase;
  let api: TestApp;
  let worker: INestApplicationContext;
  const sink = new SmtpSink();
  const prefix = `cjtest-digests-${process.pid}-${randomBytes(3).toString('hex')}`;
  let urls: DigestUrls;

  beforeAll(async () => {
    db = await createTestDatabase();
    await sink.start();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_DOMAIN_RATE: '0',
      MAIL_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
      PUBLIC_URL: 'http://coderjobs.test',
    };
    api = await createTestApp(db.url, env);
    worker = await createTestWorker(env);
    urls = new DigestUrls(loadConfig(env));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
    await dropQueueKeys(REDIS_URL, prefix);
    await db.drop();
  });

  const subscribe = (body: Record<string, unknown>) =>
    request(api.server).post('/api/v1/digests/subscriptions').send(body);

  async function confirmationTo(address: string) {
    await sink.waitFor(1);
    for (let i = 0; i < 50 && sink.to(address).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    const [mail] = sink.to(address);
    const token = /\/digests\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
    if (!token) throw new Error('no confirmation link in the mail');
    return { mail, token };
  }

  it('subscribes from a search, mails a confirmation link, and confirms by POST only', async () => {
    sink.clear();
    const res = await subscribe({
      email: 'Maria.Lopez@Example.org',
      search: 'credential=CPC&workMode=remote&remoteEligibleFor=TX&sort=newest',
      frequency: 'daily',
      sendHour: 7,
      timeZone: 'America/Chicago',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'pending' });

    const { mail, token } = await confirmationTo('Maria.Lopez@Example.org');
    expect(mail.parsed.subject).toBe('Confirm your CoderJobs job digest');
    expect(mail.parsed.text).toContain('remote CPC jobs for Texas residents');
    const subs = await db.ds.query(
      `SELECT status, confirm_token_hash, search_query FROM digest_subscriptions`,
    );
    expect(subs).toHaveLength(1);
    expect(subs[0].status).toBe('pending');
    expect(subs[0].confirm_token_hash).not.toContain(token);
    expect(subs[0].search_query).toBe('credential=CPC&workMode=remote&remoteEligibleFor=TX');

    // A link scanner's GET changes nothing.
    const page = await request(api.server).get(`/digests/confirm/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Confirm my digest');
    expect((await db.ds.query(`SELECT status FROM digest_subscriptions`))[0].status).toBe('pending');

    const confirmed = await request(api.server).post('/api/v1/digests/confirm').send({ token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.manageUrl).toMatch(/^http:\/\/coderjobs\.test\/digests\/manage\//);
    const row = (await db.ds.query(`SELECT status, watermark, next_due_at FROM digest_subscriptions`))[0];
    expect(row.status).toBe('confirmed');
    expect(row.watermark).toMatch(/^\d+:\d+:/);
    expect(row.next_due_at).not.toBeNull();

    // The token is single-use.
    const again = await request(api.server).post('/api/v1/digests/confirm').send({ token });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('LINK_INVALID');
  });

  it('refuses an expired confirmation link', async () => {
    sink.clear();
    await subscribe({ email: 'late@example.org', search: 'role=coder' }).expect(202);
    const { token } = await confirmationTo('late@example.org');
    await db.ds.query(
      `UPDATE digest_subscriptions SET confirm_expires_at = now() - interval '1 hour' WHERE email_key = 'late@example.org'`,
    );
    const res = await request(api.server).post('/api/v1/digests/confirm').send({ token });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('LINK_EXPIRED');
  });

  it('lets the manage link list, change and stop the address digests, and no other address', async () => {
    const repos = repositoriesOf(db.ds);
    const [mine] = await repos.digestSubscriptions.listForEmail('maria.lopez@example.org');
    const token = urls.manage(mine.id, mine.linkVersion).split('/').pop()!;
    const view = await request(api.server).get(`/api/v1/digests/manage/${token}`).expect(200);
    expect(view.body.email).toBe('M***@Example.org');
    expect(view.body.subscriptions).toHaveLength(1);

    const changed = await request(api.server)
      .patch(`/api/v1/digests/manage/${token}/${mine.id}`)
      .send({ frequency: 'weekly', sendHour: 9, sendWeekday: 3, timeZone: 'America/Denver' })
      .expect(200);
    expect(changed.body).toMatchObject({ frequency: 'weekly', sendHour: 9, sendWeekday: 3 });

    const [other] = await repos.digestSubscriptions.listForEmail('late@example.org');
    await request(api.server).delete(`/api/v1/digests/manage/${token}/${other.id}`).expect(404);
    const forged = `${token.slice(0, -3)}abc`;
    await request(api.server).get(`/api/v1/digests/manage/${forged}`).expect(404);

    const page = await request(api.server).get(`/digests/manage/${token}`).expect(200);
    expect(page.text).toContain('Your job digests');
    expect(page.text).toContain('remote CPC jobs for Texas residents');
  });

  it('unsubscribes on a one-click POST, while a GET of the same link only asks', async () => {
    const [mine] = await repositoriesOf(db.ds).digestSubscriptions.listForEmail('maria.lopez@example.org');
    const path = new URL(urls.unsubscribe(mine.id, mine.linkVersion)).pathname;

    const asked = await request(api.server).get(path).expect(200);
    expect(asked.text).toContain('Unsubscribe?');
    expect((await repositoriesOf(db.ds).digestSubscriptions.find(mine.id))?.status).toBe('confirmed');

    // As a mail provider posts it (RFC 8058): multipart, no cookie, no form token.
    const oneClick = await request(api.server).post(path).field('List-Unsubscribe', 'One-Click').expect(200);
    expect(oneClick.text).toContain('You are unsubscribed');
    expect((await repositoriesOf(db.ds).digestSubscriptions.find(mine.id))?.status).toBe('unsubscribed');

    // Again, and urlencoded: the same answer.
    await request(api.server).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    await request(api.server)
      .post('/digests/unsubscribe/not-a-token-at-all')
      .type('form')
      .send('x=1')
      .expect(404);
  });

  it('suppresses an address a provider reports, stopping its digests and any new one', async () => {
    sink.clear();
    await subscribe({ email: 'bounce@example.org', search: 'role=biller' }).expect(202);
    await confirmationTo('bounce@example.org');

    await request(api.server)
      .post('/api/v1/digests/suppressions')
      .send({ email: 'BOUNCE@example.org', type: 'bounce' })
      .expect(401);
    const res = await request(api.server)
      .post('/api/v1/digests/suppressions')
      .set('authorization', `Bearer ${WEBHOOK_TOKEN}`)
      .send({ email: 'BOUNCE@example.org', type: 'bounce' })
      .expect(200);
    expect(res.body).toEqual({ suppressed: true, stopped: 1 });

    sink.clear();
    await subscribe({ email: 'bounce@example.org', search: 'role=coder' }).expect(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.to('bounce@example.org')).toHaveLength(0);
  });

  it('validates input with the search messages and checks profile ownership', async () => {
    const bad = await subscribe({ email: 'x@example.org', search: 'credential=NOPE' }).expect(400);
    expect(bad.body.error.message).toContain('credential');
    await subscribe({ email: 'not-an-address', search: 'role=coder' }).expect(400);
    await subscribe({ email: 'x@example.org', search: 'role=coder', timeZone: 'Mars/Base' }).expect(400);
    await subscribe({ email: 'x@example.org', candidateId: '3f1c2b8e-8d7a-4c1e-9b1a-0c5d2e7f9a10' }).expect(
      401,
    );
  });
});
