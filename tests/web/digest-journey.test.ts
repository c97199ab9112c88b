import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { dropQueueKeys } from '../support/queue-backends';
import { insertListings } from '../support/listing-factory';
import { axeViolations, launchBrowser, openPage, pageErrors, screenshot } from '../support/browser';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createTestWorker } from '../support/test-worker';

// A coder asks for a digest of a search in a real browser: the offer on /jobs, the form, the
// confirmation mail (a real SMTP server on loopback), the confirm button, the manage page, and the
// unsubscribe link. Every page passes axe-core and logs no error (a CSP refusal shows there).

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let db: TestDatabase;
let t: TestApp;
let worker: INestApplicationContext;
let browser: Browser;
let base: string;
const sink = new SmtpSink();
const prefix = `cjtest-digest-web-${process.pid}-${randomBytes(3).toString('hex')}`;

async function clean(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toBe('');
  expect(pageErrors(page)).toEqual([]);
  await screenshot(page, name);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await insertListings(db.ds, [{ title: 'Remote Coder', certifications: { required: ['CPC'] } }]);
  await sink.start();
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    SMTP_URL: sink.url,
    MAIL_DOMAIN_RATE: '0',
  };
  t = await createTestApp(db.url, env);
  worker = await createTestWorker(env);
  await t.app.listen(0, '127.0.0.1');
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await t?.close();
  await sink.stop();
  await dropQueueKeys(REDIS_URL, prefix);
  await db.drop();
});

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

it('subscribes from a search, confirms, manages and unsubscribes, every page accessible', async () => {
  const page = await openPage(browser);
  await page.goto(`${base}/jobs?credential=CPC&workMode=remote`);
  await Promise.all([
    page.waitForURL(/\/digests\/new\?/),
    page.getByRole('link', { name: 'E-mail me new jobs like these' }).click(),
  ]);
  expect(await page.textContent('h1')).toBe('E-mail me new jobs');
  expect(await page.textContent('main')).toContain('remote CPC jobs');
  await clean(page, 'digest-subscribe');

  // An address that is not one is answered on the form.
  await page.getByLabel('Your e-mail address').fill('nope');
  await page.getByRole('button', { name: 'Send me this digest' }).click();
  expect(await page.textContent('main')).toContain('e-mail address');
  await clean(page, 'digest-subscribe-error');

  await page.getByLabel('Your e-mail address').fill('coder@example.org');
  await page.getByRole('radio', { name: 'Weekly' }).check();
  await page.getByLabel('Time zone').selectOption('America/Chicago');
  await page.getByRole('button', { name: 'Send me this digest' }).click();
  expect(await page.textContent('h1')).toBe('Check your inbox');
  await clean(page, 'digest-check-inbox');

  const [mail] = await sink.waitFor(1);
  const confirmUrl = /https?:\/\/\S+\/digests\/confirm\/\S+/.exec(mail.parsed.text ?? '')?.[0];
  expect(confirmUrl).toBeDefined();
  await page.goto(`${base}${pathOf(confirmUrl!)}`);
  await clean(page, 'digest-confirm');
  await Promise.all([
    page.waitForURL(/\/digests\/manage\/.+\?confirmed=1/),
    page.getByRole('button', { name: 'Confirm my digest' }).click(),
  ]);
  expect(await page.textContent('main')).toContain('Your digest is confirmed');
  await clean(page, 'digest-manage');

  await page.getByRole('radio', { name: 'Daily' }).check();
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Save changes' }).click()]);
  expect((await db.ds.query(`SELECT frequency FROM digest_subscriptions`))[0].frequency).toBe('daily');

  // The unsubscribe link: the GET asks, the button stops it.
  const [sub] = await db.ds.query(`SELECT id, link_version FROM digest_subscriptions`);
  const { DigestUrls } = await import('#digests');
  const { loadConfig } = await import('#config');
  const urls = new DigestUrls(loadConfig({ DATABASE_URL: db.url }));
  await page.goto(`${base}${pathOf(urls.unsubscribe(sub.id, sub.link_version))}`);
  expect(await page.textContent('h1')).toBe('Unsubscribe?');
  await clean(page, 'digest-unsubscribe');
  expect((await db.ds.query(`SELECT status FROM digest_subscriptions`))[0].status).toBe('confirmed');
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  expect(await page.textContent('h1')).toBe('You are unsubscribed');
  await clean(page, 'digest-unsubscribed');
  expect((await db.ds.query(`SELECT status FROM digest_subscriptions`))[0].status).toBe('unsubscribed');
});
