import { newSince, parseSnapshot, type DigestListing } from '#digests';
import { repositoriesOf, ListingEntity, type Repositories } from '#persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertListings, listingEntity } from '../support/listing-factory';

const asDigestListings = (rows: Array<{ id: string; openedXid: string }>) =>
  rows.map((r) => ({ id: r.id, openedXid: BigInt(r.openedXid) }) as unknown as DigestListing);

describe('digest tables (real Postgres)', () => {
  let db: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = repositoriesOf(db.ds);
  });
  afterAll(() => db.drop());

  async function confirmedSubscription(email = 'Maria.Lopez@Example.org') {
    const sub = await repos.digestSubscriptions.create({
      email,
      kind: 'search',
      criteria: { roles: ['coder'] },
      searchQuery: 'role=coder',
      candidateId: null,
      frequency: 'daily',
      sendHour: 7,
      sendWeekday: 1,
      timeZone: 'America/Chicago',
      confirmTokenHash: 'a'.repeat(64),
      confirmExpiresAt: new Date(Date.now() + 3600_000),
    });
    expect(await repos.digestSubscriptions.confirm(sub.id, new Date())).toBe(true);
    return (await repos.digestSubscriptions.find(sub.id))!;
  }

  it('records when listings open: inserted open or reopened, never inserted closed', async () => {
    const [open, closed] = await insertListings(db.ds, [
      { title: 'Open' },
      { title: 'Closed', status: 'closed' },
    ]);
    const before = await repos.listingOpenings.recent('0');
    const ids = before.rows.map((r) => r.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);

    await db.ds
      .getRepository(ListingEntity)
      .update({ id: closed.id }, { status: 'open', closedReason: null });
    const after = await repos.listingOpenings.recent('0');
    expect(after.rows.map((r) => r.id)).toContain(closed.id);
  });

  it('finds as new a listing whose transaction committed after the watermark was taken', async () => {
    const late = listingEntity({ title: 'Late commit' });
    const runner = db.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.manager.getRepository(ListingEntity).insert(late);
    // The watermark is taken while the listing's transaction is still open...
    const sub = await confirmedSubscription();
    await runner.commitTransaction();
    await runner.release();
    const [early] = await insertListings(db.ds, [{ title: 'After the watermark' }]);

    // ...and the next digest still finds it (a timestamp or sequence window would skip it).
    const read = await repos.listingOpenings.recent(parseSnapshot(sub.watermark!).xmin.toString());
    const fresh = newSince(asDigestListings(read.rows), sub.watermark!).map((l) => l.id);
    expect(fresh).toEqual(expect.arrayContaining([late.id, early.id]));

    // Once the digest covered them (watermark advanced to the read's snapshot), they are not new.
    const again = await repos.listingOpenings.recent('0');
    expect(newSince(asDigestListings(again.rows), read.snapshot).map((l) => l.id)).toEqual([]);
  });

  it('leaves closed and expired listings out of the openings read', async () => {
    const [expired, closing] = await insertListings(db.ds, [
      { title: 'Expired', validThrough: new Date(Date.now() - 3600_000).toISOString() },
      { title: 'Closing' },
    ]);
    await db.ds.getRepository(ListingEntity).update({ id: closing.id }, { status: 'closed' });
    const ids = (await repos.listingOpenings.recent('0')).rows.map((r) => r.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(closing.id);
    expect(await repos.listingOpenings.stillOpen([expired.id, closing.id])).toEqual(new Set());
  });

  it('keeps one outbox row per subscription and period, and lets one sender claim it', async () => {
    const sub = await confirmedSubscription();
    const row = {
      subscriptionId: sub.id,
      period: 'daily:2026-12-07',
      subject: '1 new job',
      textBody: 't',
      htmlBody: '<p>h</p>',
      listingIds: [],
      matchCount: 1,
    };
    const first = await repos.digestOutbox.insertOnce(row);
    const second = await repos.digestOutbox.insertOnce({ ...row, subject: 'another' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });

    const claims = await Promise.all([
      repos.digestOutbox.claim(first.id),
      repos.digestOutbox.claim(first.id),
    ]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    await repos.digestOutbox.markSent(first.id);
    expect(await repos.digestOutbox.claim(first.id)).toBeNull();
    expect((await repos.digestOutbox.find(first.id))?.status).toBe('sent');
  });

  it('compares addresses case-insensitively for suppressions and per-address lists', async () => {
    const sub = await confirmedSubscription('Case.Test@Example.ORG');
    expect(sub.email).toBe('Case.Test@Example.ORG');
    expect(await repos.mailSuppressions.add('case.test@example.org', 'bounce')).toBe(true);
    expect(await repos.mailSuppressions.add('CASE.TEST@EXAMPLE.ORG', 'complaint')).toBe(false);
    expect(await repos.mailSuppressions.isSuppressed('Case.Test@example.org')).toBe(true);
    expect(await repos.digestSubscriptions.unsubscribeEmail('case.test@example.org')).toBe(1);
    expect((await repos.digestSubscriptions.find(sub.id))?.status).toBe('unsubscribed');
  });

  it('deletes pending subscriptions whose confirmation link expired', async () => {
    const pending = await repos.digestSubscriptions.create({
      email: 'late@example.org',
      kind: 'search',
      criteria: {},
      searchQuery: '',
      candidateId: null,
      frequency: 'weekly',
      sendHour: 8,
      sendWeekday: 1,
      timeZone: 'UTC',
      confirmTokenHash: 'b'.repeat(64),
      confirmExpiresAt: new Date(Date.now() - 1000),
    });
    expect(await repos.digestSubscriptions.deleteUnconfirmed(new Date())).toBeGreaterThanOrEqual(1);
    expect(await repos.digestSubscriptions.find(pending.id)).toBeNull();
  });
});
