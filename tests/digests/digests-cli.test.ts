import { repositoriesOf } from '#persistence';
import { cli, jsonLines } from '../support/cli-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The operators' command, as built: a bounce fed in suppresses the address and stops its digests.
describe('cli digests', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('suppresses an address from a bounce, masked in its output, and lifts it again', async () => {
    const repos = repositoriesOf(db.ds);
    const sub = await repos.digestSubscriptions.create({
      email: 'Bounced.Coder@Example.org',
      kind: 'search',
      criteria: {},
      searchQuery: '',
      candidateId: null,
      frequency: 'daily',
      sendHour: 7,
      sendWeekday: 1,
      timeZone: 'UTC',
      confirmTokenHash: null,
      confirmExpiresAt: new Date(Date.now() + 3600_000),
    });
    await repos.digestSubscriptions.confirm(sub.id, new Date());

    const res = await cli(['digests', 'suppress', 'bounced.coder@example.org'], { DATABASE_URL: db.url });
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('bounced.coder');
    expect(jsonLines(res.stdout)).toEqual([
      { email: 'b***@example.org', suppressed: true, new: true, subscriptionsStopped: 1 },
    ]);
    expect(await repos.mailSuppressions.isSuppressed('BOUNCED.CODER@example.org')).toBe(true);
    expect((await repos.digestSubscriptions.find(sub.id))!.status).toBe('unsubscribed');

    const bad = await cli(['digests', 'suppress', 'not an address'], { DATABASE_URL: db.url });
    expect(bad.code).not.toBe(0);
    const lifted = await cli(['digests', 'unsuppress', 'bounced.coder@example.org'], {
      DATABASE_URL: db.url,
    });
    expect(jsonLines(lifted.stdout)).toEqual([{ email: 'b***@example.org', removed: true }]);
  });
});
