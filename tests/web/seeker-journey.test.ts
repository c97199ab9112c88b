import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  openPage,
  overflowsHorizontally,
  pageErrors,
  pageWeight,
  screenshot,
} from '../support/browser';
import { DEFAULT_HTML, greenhouseBoard } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';
import { jsonLdBlocks, recommendedProblems, requiredProblems } from '../support/job-posting-rules';
import {
  daysAgo,
  DALLAS,
  hourly,
  insertListings,
  yearly,
  type ListingFacts,
} from '../support/listing-factory';
import { createTestApp, type TestApp } from '../support/test-app';

// A coder's visit, in a real browser against the real app and database: search with words and
// filters, read a listing, build a profile, read the matches and why, delete the profile. Every page
// template is checked with axe-core (WCAG 2.1 A and AA, and best practices) and must log no error,
// which is where a refused script or style (the CSP) would show.

const BOARD = '/v1/boards/mercy/jobs';
const SCRIPT_TITLE = '<script>window.pwned=1</script> Coding Auditor';

let h: IngestionHarness;
let t: TestApp;
let base: string;
let browser: Browser;

async function clean(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toBe('');
  expect(pageErrors(page)).toEqual([]);
  await screenshot(page, name);
}

/** A CPC holder's profile, built through the form, landing on their matches. */
async function buildProfile(
  page: Page,
  profile: { years: string; state: string },
  more: () => Promise<void>,
): Promise<void> {
  await page.goto(`${base}/profile`);
  await page
    .getByRole('checkbox', { name: /^CPC\b/ })
    .first()
    .check();
  await page.getByLabel('Years of coding or billing experience').fill(profile.years);
  await page.getByLabel('State you live in').selectOption(profile.state);
  await more();
  await Promise.all([
    page.waitForURL(/\/matches$/),
    page.getByRole('button', { name: 'Save and see my matches' }).click(),
  ]);
}

beforeAll(async () => {
  h = await createIngestionHarness();
  let jobs = [
    { id: '101', title: 'Remote Medical Coder II', html: DEFAULT_HTML },
    {
      id: '102',
      title: SCRIPT_TITLE,
      location: 'Sherman, TX',
      html: '<p>Audit inpatient coding on site in Sherman, TX. CCS required.</p>',
    },
    {
      id: '103',
      title: 'Inpatient Coder',
      location: 'Sherman, TX',
      html: '<p>Code inpatient stays on site in Sherman, TX. CCS required.</p>',
    },
  ];
  h.server.route('GET', BOARD, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(jobs));
  });
  await h.addGreenhouse('gh-mercy', 'mercy');
  await h.service.runSource('gh-mercy', 'manual');
  // The inpatient role leaves the board: two complete runs without it close the listing.
  jobs = jobs.filter((j) => j.id !== '103');
  await h.service.runSource('gh-mercy', 'manual');
  await h.service.runSource('gh-mercy', 'manual');

  await insertListings(h.ds, [
    {
      title: 'Remote Coder, California residents',
      employer: 'Pacific Coding Group',
      certifications: { required: ['CPC'] },
      workMode: 'remote',
      remoteStates: ['CA'],
      salary: hourly(30, 34),
      postedAt: daysAgo(1),
    },
    {
      title: 'Remote Facility Coder',
      employer: 'Lone Star Health',
      certifications: { required: ['CCS'] },
      specialties: ['outpatient'],
      workMode: 'remote',
      remoteStates: ['TX'],
      salary: yearly(52_000, 60_000),
      postedAt: daysAgo(3),
    },
    {
      title: 'Profee Coder, Anywhere in the US',
      employer: 'Northwind Physicians',
      certifications: { anyOf: [['CPC', 'CCS-P']] },
      workMode: 'remote',
      salary: hourly(23, 27),
      employmentType: 'part_time',
      postedAt: daysAgo(2),
    },
    {
      title: 'Medical Biller',
      employer: 'Summit Billing Partners',
      role: 'biller',
      certifications: { preferred: ['CPB'] },
      workMode: 'onsite',
      locations: [DALLAS],
      salary: hourly(18, 22),
      postedAt: daysAgo(5),
    },
    // A full first page of results, as a real search shows: onsite roles in Dallas, out of every
    // remote search above.
    ...Array.from({ length: 18 }, (_, i): ListingFacts => ({
      title: `Outpatient Coder ${i + 1}`,
      employer: `Dallas Clinic ${i + 1}`,
      certifications: { required: ['CPC'], preferred: ['COC'] },
      specialties: ['outpatient', 'emergency'],
      workMode: 'onsite',
      locations: [DALLAS],
      salary: hourly(21, 26),
      postedAt: daysAgo(6 + i),
      descriptionText:
        'Review emergency department and observation records, assign ICD-10-CM and CPT codes, query ' +
        'providers when documentation is unclear, and meet a 95% accuracy target. '.repeat(3),
    })),
  ]);
  t = await createTestApp(h.db.url);
  await t.app.listen(0, '127.0.0.1');
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await h?.close();
});

describe('a coder looking for remote work open to Texas residents that accepts a CPC', () => {
  it('searches in their own words, and sees the words become filters', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/`);
    await clean(page, 'home');

    await page.getByLabel('What are you looking for?').fill('CPC remote Texas');
    await Promise.all([
      page.waitForURL(/\/jobs\?q=/),
      page.getByRole('button', { name: 'Search jobs' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Remote jobs open to Texas residents that ask for CPC',
    );
    await expect(page.locator('.notice').first().textContent()).resolves.toContain(
      'read from your words “CPC remote Texas”',
    );
    const titles = await page.locator('.result h2').allTextContents();
    expect(titles).toContain('Remote Medical Coder II');
    expect(titles).toContain('Profee Coder, Anywhere in the US');
    expect(titles).not.toContain('Remote Coder, California residents');
    expect(titles).not.toContain('Remote Facility Coder');
    expect(titles).not.toContain('Medical Biller');
    await clean(page, 'search');

    // "Search all text instead" takes the words as they were typed.
    await Promise.all([
      page.waitForURL(/literal=1/),
      page.getByRole('link', { name: /Search all text for/ }).click(),
    ]);
    expect(await page.getByLabel('Search these words as text only').isChecked()).toBe(true);
    expect(await page.getByLabel('Keywords').inputValue()).toBe('CPC remote Texas');
    await page.close();
  });

  it('narrows with the filter form (updated in place with htmx) and widens by removing a chip', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/jobs?workMode=remote&remoteEligibleFor=TX&credential=CPC`);
    const count = page.locator('#result-count');
    const before = await count.textContent();
    await page.getByRole('checkbox', { name: /^Part time/ }).check();
    await page.waitForURL(/employmentType=part_time/);
    await expect(
      page.waitForFunction((b) => document.querySelector('#result-count')?.textContent !== b, before),
    ).resolves.toBeTruthy();
    expect(await page.locator('.result h2').allTextContents()).toEqual(['Profee Coder, Anywhere in the US']);
    // The page was updated in place: the box just ticked still has the focus.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(
      'part_time',
    );
    await clean(page, 'search-filtered');

    await page.getByRole('link', { name: /Open to Texas residents \(remove this filter\)/ }).click();
    await page.waitForURL((url) => !url.search.includes('remoteEligibleFor'));
    await page.getByRole('link', { name: /Part time \(remove this filter\)/ }).click();
    await page.waitForURL((url) => !url.search.includes('employmentType'));
    expect(await page.locator('.result h2').allTextContents()).toContain(
      'Remote Coder, California residents',
    );
    await page.close();
  });

  it('works without JavaScript: the same form submits and pages', async () => {
    const page = await openPage(browser, { javaScript: false });
    await page.goto(`${base}/jobs`);
    await page.getByRole('checkbox', { name: /^Remote/ }).check();
    await page.getByLabel('Remote jobs open to residents of').selectOption('TX');
    await Promise.all([
      page.waitForURL(/remoteEligibleFor=TX/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    const titles = await page.locator('.result h2').allTextContents();
    expect(titles).toContain('Remote Facility Coder');
    expect(titles).not.toContain('Remote Coder, California residents');
    await page.close();
  });

  it('reads a listing: credentials, who may work remotely from where, pay both ways, sources, Apply', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/jobs?q=Remote+Medical+Coder&literal=1`);
    await Promise.all([
      page.waitForURL(/\/jobs\/[0-9a-f-]{36}-remote-medical-coder-ii/),
      page.getByRole('link', { name: 'Remote Medical Coder II' }).click(),
    ]);
    const body = await page.locator('main').innerText();
    expect(body).toContain('Remote: AR, OK, TX residents only');
    expect(body).toContain('CPC required');
    expect(body).toContain('CPC-A welcome');
    expect(body).toMatch(/\$24(\.00)?–\$29(\.00)? an hour/);
    expect(body).toContain('About $49,920–$60,320 a year');
    expect(body).toContain('gh-mercy');
    expect(body).toMatch(/first seen .+, last seen/);
    await expect(
      page.getByRole('link', { name: 'Apply on the employer’s site' }).getAttribute('href'),
    ).resolves.toBe('https://boards.example.org/mercyvalley/jobs/101');

    const [ld] = jsonLdBlocks(await page.content());
    expect(requiredProblems(ld)).toEqual([]);
    // The posting does not say full or part time: the JSON-LD does not either.
    expect(recommendedProblems(ld, { baseSalary: true, employmentType: false })).toEqual([]);
    expect(ld.employmentType).toBeUndefined();
    expect(ld).toMatchObject({
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [
        { '@type': 'State', name: 'Arkansas' },
        { '@type': 'State', name: 'Oklahoma' },
        { '@type': 'State', name: 'Texas' },
      ],
    });
    await clean(page, 'listing');
    await page.close();
  });

  it('shows a closed listing as closed, without JSON-LD, with similar open jobs', async () => {
    const [closed] = await h.ds.query(`SELECT id FROM listings WHERE title = 'Inpatient Coder'`);
    const page = await openPage(browser);
    const response = await page.goto(`${base}/jobs/${closed.id}`);
    expect(response?.url()).toMatch(new RegExp(`/jobs/${closed.id}-inpatient-coder-mercy-valley-health$`));
    await expect(page.locator('.status-closed').innerText()).resolves.toContain('This job is closed');
    expect(jsonLdBlocks(await page.content())).toEqual([]);
    await expect(page.locator('#similar .result').count()).resolves.toBeGreaterThan(0);
    await clean(page, 'listing-closed');
    await page.close();
  });

  it('shows a title holding a script tag as text, and runs no script from it', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/jobs?q=Auditor&literal=1`);
    await Promise.all([
      page.waitForURL(/-script-window-pwned-1-script-coding-auditor/),
      page.getByRole('link', { name: SCRIPT_TITLE }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe(SCRIPT_TITLE);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});

describe('a coder building a profile', () => {
  it('is told what to fix, next to each field, and the form keeps what was typed', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/profile`);
    await clean(page, 'profile');
    await page.getByLabel('Longest commute, in miles').fill('900');
    await page.getByRole('button', { name: 'Save and see my matches' }).click();
    await page.waitForSelector('.error-summary');
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('Give your years of coding or billing experience');
    expect(summary).toContain('Longest commute must be 250 or less');
    const commute = page.getByLabel('Longest commute, in miles');
    expect(await commute.inputValue()).toBe('900');
    expect(await commute.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await commute.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').pop()}`).innerText()).toContain(
      'Longest commute must be 250 or less',
    );
    // The summary links to the field.
    await page.getByRole('link', { name: /Longest commute must be 250 or less/ }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#f-commuteMiles');
    await clean(page, 'profile-errors');
    await page.close();
  });

  it('saves a profile, reads ranked matches with reasons, sees stretch matches, then deletes it', async () => {
    const page = await openPage(browser);
    await buildProfile(page, { years: '3', state: 'TX' }, async () => {
      await page.getByLabel('Professional fee (profee)').fill('2');
      await page.getByRole('radio', { name: 'Remote only' }).check();
    });

    const cookies = await page.context().cookies();
    const profileCookie = cookies.find((c) => c.name === 'cj_profile');
    expect(profileCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const titles = await page.locator('.result h2').allTextContents();
    expect(titles).toContain('Remote Medical Coder II');
    expect(titles).not.toContain('Remote Coder, California residents');
    const first = page.locator('.result').filter({ hasText: 'Remote Medical Coder II' });
    const reasons = await first.locator('.reasons li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(2);
    expect(reasons.join(' ')).toMatch(/CPC/);
    expect(await page.getByRole('link', { name: 'My matches' }).count()).toBe(1);
    await clean(page, 'matches');

    // Stretch matches, with what is missing: the CCS-only role open to Texans.
    await page.getByLabel(/nearly qualify/).check();
    await page.waitForURL(/stretch=1/);
    const stretch = page.locator('.result').filter({ hasText: 'Remote Facility Coder' });
    await stretch.waitFor();
    await expect(stretch.locator('.missing').innerText()).resolves.toMatch(/CCS/);
    await clean(page, 'matches-stretch');

    await page.goto(`${base}/profile`);
    expect(await page.getByLabel('Years of coding or billing experience').inputValue()).toBe('3');
    await page.getByRole('link', { name: 'Delete my profile' }).click();
    await clean(page, 'profile-delete');
    await Promise.all([
      page.waitForURL(/\/profile\?deleted=1/),
      page.getByRole('button', { name: 'Yes, delete my profile' }).click(),
    ]);
    await expect(page.getByRole('status').first().innerText()).resolves.toContain('Your profile was deleted');
    expect((await page.context().cookies()).find((c) => c.name === 'cj_profile')).toBeUndefined();
    await page.goto(`${base}/matches`);
    await expect(page.locator('h1').textContent()).resolves.toBe('See the jobs you can take');
    await clean(page, 'matches-no-profile');
    await page.close();
  });
});

describe('a coder open to relocation', () => {
  it('needs no home, and is matched with on-site jobs wherever they are', async () => {
    const page = await openPage(browser);
    await buildProfile(page, { years: '4', state: 'OK' }, () =>
      page.getByLabel(/Open to relocation/).check(),
    );
    const titles = await page.locator('.result h2').allTextContents();
    // On site in Dallas, and the candidate lives in Oklahoma with no home given.
    expect(titles.some((t) => /^Outpatient Coder \d+$/.test(t))).toBe(true);
    await page.goto(`${base}/profile`);
    expect(await page.getByLabel(/Open to relocation/).isChecked()).toBe(true);
    await page.close();
  });
});

describe('every page', () => {
  it('explains a bad address or a bad filter in the layout, naming the field', async () => {
    const page = await openPage(browser);
    const missing = await page.goto(`${base}/jobs/0b8e0c8e-0000-4000-8000-000000000000-nothing-here`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await clean(page, 'error-404');

    const bad = await page.goto(`${base}/jobs?minPay=lots`);
    expect(bad?.status()).toBe(400);
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('minPay must be a number');
    expect(await page.getByLabel('Minimum pay').getAttribute('aria-invalid')).toBe('true');
    await clean(page, 'error-400');
    await page.close();
  });

  it('has landing pages linked from the home page', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/`);
    await Promise.all([
      page.waitForURL(/\/jobs\/remote\/medical-coder$/),
      page.getByRole('link', { name: 'Remote medical coder jobs' }).click(),
    ]);
    await expect(page.locator('.result h2').count()).resolves.toBeGreaterThan(0);
    await clean(page, 'landing-remote');
    await page.goto(`${base}/jobs/in/texas/medical-biller`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Medical biller jobs in Texas');
    await clean(page, 'landing-state');
    await page.close();
  });

  it('can be used with the keyboard alone: skip link, search box, results', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/jobs`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // From the top of main, the search box is the first stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    await page.keyboard.type('CCS remote');
    await Promise.all([page.waitForURL(/q=CCS\+remote/), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Remote jobs that ask for CCS');
    await page.close();
  });

  it('fits a 360 px screen, passes axe in dark mode too, and weighs under 100 KB before images', async () => {
    const page = await openPage(browser, { width: 360 });
    for (const path of ['/', '/jobs', '/jobs?q=CPC+remote+Texas', '/profile', '/jobs/remote/medical-coder']) {
      await page.goto(`${base}${path}`);
      expect({ path, overflows: await overflowsHorizontally(page) }).toEqual({ path, overflows: false });
    }
    await page.goto(`${base}/jobs`);
    await screenshot(page, 'search-360px');
    await page.emulateMedia({ colorScheme: 'dark' });
    await clean(page, 'search-dark');

    const desktop = await openPage(browser);
    await desktop.goto(`${base}/jobs`);
    const weight = await pageWeight(desktop);
    expect(weight.decoded).toBeLessThan(100 * 1024);
    await desktop.close();
    await page.close();
  });
});
