// npm run bench:recruiters — how soon a recruiter's posting is found, and how soon it leaves.
//
// Starts the API (in this process, as the test suites do) on a fresh database holding BENCH_LISTINGS
// synthetic listings (default 20000, all open, so the in-memory index is warm and not empty), signs a
// recruiter at a verified employer in, then BENCH_ROUNDS times (default 40) over HTTP on loopback:
// publishes a posting with an employer name of its own and asks GET /api/v1/listings for that employer
// until the posting is there (publish-to-searchable, the target: under 1 s), asks
// POST /api/v1/matches for a coder it fits, then closes it and asks again until it is gone.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { repositoriesOf } from '#persistence';
import { hashToken, newToken } from '#recruiting';
import { samplePostingInput } from '#recruiting/testing';
import { RecruiterAccountsService } from '../../apps/api/src/recruiters/recruiter-accounts.service';
import { listingEntity } from '../support/listing-factory';
import { generateListings } from '../support/synthetic-listings';
import { createTestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const CODER = {
  credentials: ['CPC'],
  roles: ['coder'],
  yearsExperience: 3,
  workMode: 'remote_only',
  stateOfResidence: 'TX',
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const line = (name: string, xs: number[]) =>
  console.log(
    `${name.padEnd(34)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms  max ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(7)} ms`,
  );

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const t = await createTestApp(db.url, { LOG_LEVEL: 'error' });
  try {
    console.log(`CPU: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores)`);
    console.log(`loading ${LISTINGS} synthetic open listings...`);
    const rows = [];
    for (const synthetic of generateListings(7, LISTINGS, { referenceDate: new Date() })) {
      const { id: _id, evidence: _e, ...facts } = synthetic;
      rows.push(
        listingEntity({ ...facts, id: randomUUID(), status: 'open' } as Parameters<typeof listingEntity>[0]),
      );
      if (rows.length === 1000) {
        await db.ds.getRepository('listings').insert(rows.splice(0));
      }
    }
    if (rows.length > 0) await db.ds.getRepository('listings').insert(rows);
    await t.app.listen(0, '127.0.0.1');
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');

    // A recruiter at a verified employer, signed in without the mail round trip.
    const repos = repositoriesOf(db.ds);
    const recruiter = await repos.recruiters.findOrCreate('bench@mercyvalley.example');
    const session = newToken('session');
    await repos.recruiters.createSession(recruiter.id, hashToken(session), new Date(Date.now() + 86_400_000));
    const org = await t.app
      .get(RecruiterAccountsService)
      .createOrganization(
        { kind: 'recruiter', recruiterId: recruiter.id, email: recruiter.email },
        { name: 'Mercy Valley Health', kind: 'employer', website: 'https://mercyvalley.example' },
      );
    const auth = { authorization: `Bearer ${session}`, 'content-type': 'application/json' };
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    const found = async (word: string, id: string) => {
      const res = await fetch(`${base}/api/v1/listings?employer=${word}&limit=5`);
      const body = (await res.json()) as { items: { id: string }[] };
      return body.items.some((l) => l.id === id);
    };

    const publish: number[] = [];
    const searchable: number[] = [];
    const matched: number[] = [];
    const gone: number[] = [];
    for (let i = 0; i < ROUNDS + 3; i++) {
      const word = `zorbix${i}q`;
      const t0 = performance.now();
      const res = await post(`/api/v1/recruiter/orgs/${org.id}/postings`, {
        posting: samplePostingInput({ title: 'Remote Outpatient Coder', employer: `Clinic ${word}` }),
        submit: true,
      });
      const created = (await res.json()) as { id: string; state: string };
      if (created.state !== 'published') throw new Error(`not published: ${JSON.stringify(created)}`);
      const t1 = performance.now();
      while (!(await found(word, created.id)))
        if (performance.now() - t0 > 10_000) throw new Error('never found');
      const t2 = performance.now();
      const m = await post('/api/v1/matches', { profile: CODER, limit: 20 });
      const ids = ((await m.json()) as { items: { listing: { id: string } }[] }).items.map(
        (x) => x.listing.id,
      );
      const t3 = performance.now();
      if (!ids.includes(created.id)) throw new Error('the posting is not among the coder’s first matches');
      const c0 = performance.now();
      await post(`/api/v1/recruiter/orgs/${org.id}/postings/${created.id}/close`, { reason: 'filled' });
      while (await found(word, created.id))
        if (performance.now() - c0 > 10_000) throw new Error('never left');
      const c1 = performance.now();
      if (i < 3) continue; // warm-up rounds
      publish.push(t1 - t0);
      searchable.push(t2 - t0);
      matched.push(t3 - t2);
      gone.push(c1 - c0);
    }
    console.log(
      `${ROUNDS} rounds over ${LISTINGS} open listings (SEARCH_INDEX=${process.env.SEARCH_INDEX ?? 'memory'})`,
    );
    line('publish (POST ... submit)', publish);
    line('publish to searchable', searchable);
    line('matches request (found in it)', matched);
    line('close to gone from search', gone);
  } finally {
    await t.close();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
