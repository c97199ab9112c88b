import { repositoriesOf } from '#persistence';
import { confirmedSearchSubscription } from '../support/digest-subscriptions';
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
    const id = await confirmedSearchSubscription(db.ds, 'Bounced.Coder@Example.org');

    const res = await cli(['digests', 'suppress', 'bounced.coder@example.org'], { DATABASE_URL: db.url });
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('bounced.coder');
    expect(jsonLines(res.stdout)).toEqual([
      { email: 'b***@example.org', suppressed: true, new: true, subscriptionsStopped: 1 },
    ]);
    expect(await repos.mailSuppressions.isSuppressed('BOUNCED.CODER@example.org')).toBe(true);
    expect((await repos.digestSubscriptions.find(id))!.status).toBe('unsubscribed');

    const bad = await cli(['digests', 'suppress', 'not an address'], { DATABASE_URL: db.url });
    expect(bad.code).not.toBe(0);
    const lifted = await cli(['digests', 'unsuppress', 'bounced.coder@example.org'], {
      DATABASE_URL: db.url,
    });
    expect(jsonLines(lifted.stdout)).toEqual([{ email: 'b***@example.org', removed: true }]);
  });
});
