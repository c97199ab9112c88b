import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The browser suites' harness: the system Chromium driven by playwright-core (flags from STACK.md),
// axe-core run inside each page, screenshots written under test-results/ (ignored by git), and the
// page's console watched for errors, which is where a Content-Security-Policy refusal shows.

/** The browser the suites drive; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Errors and CSP refusals a page wrote to its console, per page. */
const consoleErrors = new WeakMap<Page, string[]>();

/** A context at a width (360 for the smallest phones), whose pages record their console errors. */
export async function openPage(browser: Browser, options: { width?: number; javaScript?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (m) => {
    // A failed load is reported by the response listener below, which knows whether it was the page.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    const request = r.request();
    // An error page is a page's answer; a style or script that fails to load is a broken page.
    if (r.status() >= 400 && request.resourceType() !== 'document' && !request.isNavigationRequest()) {
      errors.push(`${r.status()} for ${request.resourceType()} ${r.url()}`);
    }
  });
  return page;
}

export function pageErrors(page: Page): string[] {
  return consoleErrors.get(page) ?? [];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

function describe(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
          .join('\n'),
    )
    .join('\n');
}

/**
 * axe-core's violations on the page as it is now, as readable text ('' when there are none). axe is
 * evaluated through the DevTools protocol, which the page's CSP does not govern, so the policy stays
 * as strict in the test as in production.
 */
export async function axeViolations(page: Page): Promise<string> {
  await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
        runOnly: { type: 'tag', values: tags },
      }),
    AXE_TAGS,
  )) as AxeResults;
  return describe(results.violations);
}

/** A full-page screenshot in test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Bytes the page fetched for its document, styles and scripts (images excluded), as sent and as read. */
export async function pageWeight(page: Page): Promise<{ transferred: number; decoded: number }> {
  return page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    const counted = entries.filter((e) => !/\.(png|jpe?g|gif|webp|avif|svg|ico)(\?|$)/.test(e.name));
    return {
      transferred: counted.reduce((sum, e) => sum + e.encodedBodySize, 0),
      decoded: counted.reduce((sum, e) => sum + e.decodedBodySize, 0),
    };
  });
}

/** Whether anything is wider than the viewport (a page at 360 px must not scroll sideways). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
