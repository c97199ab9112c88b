import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import {
  axeViolations,
  launchBrowser,
  openPage,
  overflowsHorizontally,
  pageErrors,
  screenshot,
} from '../support/browser';
import { RecruiterMailbox } from '../support/recruiter-mail';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ADMIN = 'operator-token-for-browser-tests-0123';
const CODER = {
  credentials: ['CPC'],
  roles: ['coder'],
  yearsExperience: 3,
  workMode: 'remote_only',
  stateOfResidence: 'TX',
};

let db: TestDatabase;
let t: TestApp;
let base: string;
let browser: Browser;
let mailbox: RecruiterMailbox;

async function clean(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toBe('');
  expect(pageErrors(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
  await screenshot(page, name);
}

/** Asks for a link, opens the mailed link, presses Sign in: on the dashboard. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/recruiters`);
  await page.waitForURL(/\/recruiters\/sign-in/);
  await page.getByLabel('Work e-mail').fill(email);
  await page.getByRole('button', { name: 'Mail me a sign-in link' }).click();
  await page.getByText(`We sent a sign-in link to ${email}`).waitFor();
  const token = await mailbox.tokenFor(email, 'sign-in/confirm');
  await page.goto(`${base}/recruiters/sign-in/confirm?token=${token}`);
  await clean(page, 'recruiter-sign-in-confirm');
  await Promise.all([
    page.waitForURL(/\/recruiters$/),
    page.getByRole('button', { name: 'Sign in to CoderJobs' }).click(),
  ]);
}

async function createOrganization(
  page: Page,
  name: string,
  kind: 'employer' | 'agency',
  website: string,
): Promise<string> {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel(kind === 'employer' ? /An employer/ : /A staffing agency/).check();
  await page.getByLabel('Website').fill(website);
  await Promise.all([
    page.waitForURL(/\/recruiters\/orgs\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: 'Create' }).click(),
  ]);
  return page.url().split('/').pop()!;
}

async function writePosting(page: Page, title: string, employer: string): Promise<void> {
  await page.getByRole('link', { name: 'Post a job' }).click();
  await page.getByLabel('Job title').fill(title);
  await page.getByLabel('Employer', { exact: true }).fill(employer);
  await page.getByLabel('States', { exact: true }).fill('TX, OK');
  await page.getByLabel('From').fill('24');
  await page.getByLabel('To', { exact: true }).fill('29');
  await page
    .getByLabel('Description')
    .fill(
      'Code outpatient and emergency records with ICD-10-CM and CPT. CPC required. Remote: you must live in Texas or Oklahoma.',
    );
  await page.getByLabel('Apply at (address)').fill('https://careers.example.org/jobs/1');
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTestApp(db.url, { ADMIN_TOKEN: ADMIN });
  await t.app.listen(0, '127.0.0.1');
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  mailbox = await new RecruiterMailbox().start(t.app, db.ds, base);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await mailbox?.stop();
  await t?.close();
  await db?.drop();
});

describe('recruiters in the browser', () => {
  it('a recruiter at a verified hospital signs in, previews, publishes, is found by a coder, closes, reads the audit log', async () => {
    const page = await openPage(browser);
    await signIn(page, 'pat@mercyvalley.example');
    await clean(page, 'recruiter-dashboard');
    await createOrganization(page, 'Mercy Valley Health', 'employer', 'https://mercyvalley.example');
    await page.getByText('Verified', { exact: true }).waitFor();
    await clean(page, 'recruiter-organization');

    await writePosting(page, 'Remote Outpatient Coder', 'Mercy Valley Health');
    await clean(page, 'recruiter-posting-form');
    // The description says CPC required; the credentials field is empty: the preview says so.
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('The description says CPC required; the credentials field is empty.').waitFor();
    await clean(page, 'recruiter-posting-preview');
    await page.getByLabel('Required (all of them)').fill('CPC');
    await Promise.all([
      page.waitForURL(/\/postings\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Publish' }).click(),
    ]);
    await page.getByRole('heading', { name: 'State: Published' }).waitFor();
    const id = page.url().split('/').pop()!;

    // A coder in Texas with a CPC finds it on the next request.
    const matches = await request(t.server).post('/api/v1/matches').send({ profile: CODER }).expect(200);
    expect(matches.body.items.map((m: { listing: { id: string } }) => m.listing.id)).toContain(id);
    const seeker = await openPage(browser);
    await seeker.goto(`${base}/jobs/${id}`);
    await seeker.getByText('Verified employer').waitFor();
    await clean(seeker, 'listing-from-recruiter');
    await seeker.getByRole('link', { name: 'Report this job' }).click();
    await clean(seeker, 'report-job');
    await seeker.close();

    await Promise.all([
      page.waitForURL(/\/postings\//),
      page.getByRole('button', { name: 'Close: filled' }).click(),
    ]);
    await page.getByRole('heading', { name: 'State: Closed' }).waitFor();
    await page.goto(`${base}/recruiters/orgs/${page.url().split('/orgs/')[1].split('/')[0]}/audit`);
    await page.getByRole('cell', { name: 'posting.published' }).waitFor();
    await page.getByRole('cell', { name: 'posting.closed' }).waitFor();
    await clean(page, 'recruiter-audit');
    await page.close();
  });

  it('a recruiter at an unverified agency waits for review; an operator approves; seekers see it is an agency', async () => {
    const page = await openPage(browser);
    await signIn(page, 'jo@codingstaff.example');
    await createOrganization(page, 'Coding Staff Partners', 'agency', 'https://codingstaffpartners.example');
    await page.getByText('Not verified: postings are reviewed').waitFor();
    await writePosting(page, 'Remote Risk Adjustment Coder', 'A regional health plan');
    await page.getByLabel('Required (all of them)').fill('CPC');
    await Promise.all([
      page.waitForURL(/\/postings\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Send for review' }).click(),
    ]);
    await page.getByRole('heading', { name: 'State: Waiting for review' }).waitFor();
    const id = page.url().split('/').pop()!;

    const operator = await openPage(browser);
    await operator.goto(`${base}/recruiters/moderation`);
    await operator.getByLabel('Operator token').fill(ADMIN);
    await operator.getByRole('button', { name: 'Sign in' }).click();
    await operator.getByRole('heading', { name: /Waiting for review \(1\)/ }).waitFor();
    await clean(operator, 'moderation-queue');
    await Promise.all([
      operator.waitForURL(/\/recruiters\/moderation$/),
      operator.getByRole('button', { name: 'Approve “Remote Risk Adjustment Coder”' }).click(),
    ]);
    await operator.getByRole('heading', { name: /Waiting for review \(0\)/ }).waitFor();
    await operator.close();

    await page.reload();
    await page.getByRole('heading', { name: 'State: Published' }).waitFor();
    const seeker = await openPage(browser);
    await seeker.goto(`${base}/jobs/${id}`);
    await seeker.getByText('Staffing agency').waitFor();
    await seeker.close();
    await page.close();
  });
});
