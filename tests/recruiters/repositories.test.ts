import { randomUUID } from 'node:crypto';
import { repositoriesOf, type Repositories } from '#persistence';
import { hashToken, newToken } from '#recruiting';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('recruiters tables', () => {
  let db: TestDatabase;
  let repos: Repositories;
  const now = new Date('2026-03-01T12:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = repositoriesOf(db.ds);
  });
  afterAll(() => db.drop());

  it('keeps the audit log append-only, whoever asks', async () => {
    await repos.auditLog.append({
      organizationId: null,
      actor: 'system',
      action: 'test.made',
      subjectType: 'organization',
      subjectId: 'x',
      diff: { name: { from: null, to: 'A' } },
    });
    await expect(db.ds.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [row] = await db.ds.query('SELECT action, diff FROM audit_log');
    expect(row).toEqual({ action: 'test.made', diff: { name: { from: null, to: 'A' } } });
  });

  it('uses a sign-in link once, and not after it expires', async () => {
    const token = newToken('signin');
    const linkId = await repos.recruiters.createLink({
      email: 'pat@mercy.example',
      clientHash: 'c'.repeat(64),
      expiresAt: new Date(now.getTime() + 60_000),
    });
    // Unusable until the sender mints its token.
    expect(await repos.recruiters.useLink(hashToken(token), now)).toBeNull();
    expect(await repos.recruiters.mintLink(linkId, hashToken(token), now)).toBe('pat@mercy.example');
    expect(await repos.recruiters.useLink(hashToken(token), new Date(now.getTime() + 120_000))).toBeNull();
    expect(await repos.recruiters.useLink(hashToken(token), now)).toBe('pat@mercy.example');
    expect(await repos.recruiters.useLink(hashToken(token), now)).toBeNull();
    const counts = await repos.recruiters.linksSince('pat@mercy.example', 'c'.repeat(64), new Date(0));
    expect(counts).toEqual({ email: 1, client: 1 });
  });

  it('refuses a posting change made from a stale version', async () => {
    const org = await repos.organizations.create({
      name: 'Mercy',
      kind: 'employer',
      website: null,
      domain: null,
    });
    const posting = await repos.recruiterPostings.create({
      organizationId: org.id,
      createdBy: 'system',
      state: 'draft',
      title: 'Coder',
      fields: {},
      repostedFrom: null,
    });
    const changed = await repos.recruiterPostings.change(posting.id, posting.version, { title: 'Coder II' });
    expect(changed?.version).toBe(posting.version + 1);
    expect(await repos.recruiterPostings.change(posting.id, posting.version, { title: 'Lost' })).toBeNull();
    expect(await repos.recruiterPostings.find(randomUUID(), posting.id)).toBeNull();
  });

  it('puts a recruiter listing in and takes it out', async () => {
    const id = randomUUID();
    const row = {
      id,
      fingerprint: 'f'.repeat(64),
      title: 'Remote Coder',
      role: 'coder' as const,
      workMode: 'remote' as const,
      locations: [],
      sortAt: now,
      firstSeenAt: now,
      changedAt: now,
    };
    await repos.listings.putRecruiterListing(row);
    expect(await repos.listings.findById(id)).toMatchObject({ origin: 'recruiter', status: 'open' });
    await repos.listings.closeRecruiterListing(id, 'filled', now);
    expect(await repos.listings.findById(id)).toMatchObject({ status: 'closed', closedReason: 'filled' });
    await repos.listings.putRecruiterListing({ ...row, title: 'Remote Coder II' });
    expect(await repos.listings.findById(id)).toMatchObject({
      status: 'open',
      title: 'Remote Coder II',
      closedReason: null,
    });
  });
});
