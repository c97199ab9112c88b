import request from 'supertest';
import { daysAgo, insertListings } from '../support/listing-factory';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// /jobs pages with keyset cursors, which only go forward: the earlier pages' cursors ride along in
// the links, so "Previous page" walks back exactly through the pages "Next page" walked forward.

const LISTINGS = 75; // four pages of 20

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await insertListings(
    db.ds,
    Array.from({ length: LISTINGS }, (_, i) => ({
      title: `Medical Coder ${i + 1}`,
      employer: `Employer ${i + 1}`,
      workMode: 'remote' as const,
      certifications: { required: ['CPC'] },
      postedAt: daysAgo(1 + (i % 30)),
    })),
  );
  t = await createTestApp(db.url);
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

interface Page {
  ids: string[];
  next?: string;
  previous?: string;
  label: string;
}

function unescape(href: string): string {
  return href.replace(/&amp;/g, '&');
}

async function page(path: string): Promise<Page> {
  const res = await request(t.server).get(path).expect(200);
  const ids = [...res.text.matchAll(/href="\/jobs\/([0-9a-f-]{36})[^"]*"/g)].map((m) => m[1]);
  const next = /<a href="([^"]+)" rel="next"/.exec(res.text)?.[1];
  const previous = /<a href="([^"]+)" rel="prev"/.exec(res.text)?.[1];
  const label = /Page (\d+) of (\d+)/.exec(res.text)?.[0] ?? '';
  return {
    ids: [...new Set(ids)],
    next: next && unescape(next),
    previous: previous && unescape(previous),
    label,
  };
}

it('walks forward to the last page and back again through the same pages, filters kept', async () => {
  const forward: Page[] = [await page('/jobs?workMode=remote&sort=newest')];
  while (forward[forward.length - 1].next) forward.push(await page(forward[forward.length - 1].next!));
  expect(forward.map((p) => p.label)).toEqual(['Page 1 of 4', 'Page 2 of 4', 'Page 3 of 4', 'Page 4 of 4']);
  expect(new Set(forward.flatMap((p) => p.ids)).size).toBe(LISTINGS);
  expect(forward[0].previous).toBeUndefined();

  let at = forward[forward.length - 1];
  for (let i = forward.length - 2; i >= 0; i--) {
    expect(at.previous).toContain('workMode=remote');
    at = await page(at.previous!);
    expect(at.label).toBe(forward[i].label);
    expect(at.ids).toEqual(forward[i].ids);
  }
});

it('ignores malformed earlier cursors instead of failing the page', async () => {
  const first = await page('/jobs?sort=newest');
  const second = await request(t.server)
    .get(`${first.next}&back=${encodeURIComponent('not a cursor!,<x>')}`)
    .redirects(1)
    .expect(200);
  expect(second.text).toContain('Page 2 of 4');
});
