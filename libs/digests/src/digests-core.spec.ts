import { candidateProfileSchema, defaultEquivalenceRules, type CandidateProfile } from '#matching';
import { matchesCriteria } from './digest-criteria';
import { hashToken, newConfirmToken, signLink, verifyLink } from './link-tokens';
import { digestSubject, digestTemplate, renderDigest, type DigestContext } from './render-digest';
import { newSince, rankForProfile, rankForSearch, selectDigest, type DigestItem } from './select-digest';
import { parseSnapshot, visibleIn } from './snapshot';
import { digestListing } from './testing-listing';

describe('watermarks (pg_snapshot visibility)', () => {
  it('sees what committed before the snapshot, not what was running or came later', () => {
    const s = parseSnapshot('100:110:104,107');
    expect(visibleIn(99n, s)).toBe(true);
    expect(visibleIn(103n, s)).toBe(true);
    expect(visibleIn(104n, s)).toBe(false);
    expect(visibleIn(107n, s)).toBe(false);
    expect(visibleIn(110n, s)).toBe(false);
    expect(() => parseSnapshot('nope')).toThrow('pg_snapshot');
  });

  it('counts as new a listing opened by a transaction that was still running at the last digest', () => {
    const late = digestListing({ id: 'late', openedXid: 104n });
    const seen = digestListing({ id: 'seen', openedXid: 103n });
    const after = digestListing({ id: 'after', openedXid: 150n });
    expect(newSince([late, seen, after], '100:110:104').map((l) => l.id)).toEqual(['late', 'after']);
  });
});

describe('search criteria', () => {
  const remoteTx = digestListing({ id: 'a', remoteStates: ['TX', 'OK'] });
  it('takes remote listings a resident may work from, as the search does', () => {
    expect(matchesCriteria(remoteTx, { remoteEligibleFor: 'TX' })).toBe(true);
    expect(matchesCriteria(remoteTx, { remoteEligibleFor: 'CA' })).toBe(false);
    const excluded = digestListing({ id: 'b', remoteExcludedStates: ['TX'] });
    expect(matchesCriteria(excluded, { remoteEligibleFor: 'TX' })).toBe(false);
  });

  it('reads every list as any-of and pay as the top of the annual range', () => {
    const l = digestListing({
      id: 'c',
      salary: { min: 20, max: 30, period: 'hour', currency: 'USD', annualMin: 41600, annualMax: 62400 },
    });
    expect(matchesCriteria(l, { credentials: ['CCS', 'CPC'], workModes: ['remote'] })).toBe(true);
    expect(matchesCriteria(l, { credentials: ['CCS'] })).toBe(false);
    expect(matchesCriteria(l, { minPay: 60000 })).toBe(true);
    expect(matchesCriteria(l, { minPay: 70000 })).toBe(false);
    expect(matchesCriteria(l, { employer: 'star' })).toBe(true);
  });

  it('places near a point by straight-line miles', () => {
    const dallas = { city: 'Dallas', state: 'TX', postalCode: null, lat: 32.78, lon: -96.8 };
    const l = digestListing({ id: 'd', workMode: 'onsite', locations: [dallas], states: ['TX'] });
    expect(
      matchesCriteria(l, { near: { lat: 32.75, lon: -97.33, radiusMiles: 40, label: 'Fort Worth, TX' } }),
    ).toBe(true);
    expect(
      matchesCriteria(l, { near: { lat: 29.76, lon: -95.37, radiusMiles: 40, label: 'Houston, TX' } }),
    ).toBe(false);
  });
});

describe('selectDigest', () => {
  const item = (id: string, employer: string | null): DigestItem => ({
    listing: digestListing({ id, employer }),
    reasons: [],
  });

  it('is nothing when there is nothing new: no matches, no mail', () => {
    expect(selectDigest([])).toBeNull();
  });

  it('shows at most 3 per employer and counts the rest per employer, order kept', () => {
    const ranked = ['1', '2', '3', '4', '5'].map((id) => item(id, 'Mercy Valley'));
    ranked.splice(2, 0, item('x', 'Lakeside'));
    const s = selectDigest(ranked)!;
    expect(s.items.map((i) => i.listing.id)).toEqual(['1', '2', 'x', '3']);
    expect(s.moreFromEmployer).toEqual([{ employer: 'Mercy Valley', count: 2 }]);
    expect(s.total).toBe(6);
    expect(s.more).toBe(0);
  });

  it('caps the digest and says how many more there are', () => {
    const ranked = Array.from({ length: 30 }, (_, i) => item(String(i), `Employer ${i}`));
    const s = selectDigest(ranked, { cap: 20, perEmployer: 3 })!;
    expect(s.items).toHaveLength(20);
    expect(s.more).toBe(10);
    expect(s.total).toBe(30);
  });

  it('does not count listings without an employer as one employer', () => {
    const s = selectDigest(['a', 'b', 'c', 'd'].map((id) => item(id, null)))!;
    expect(s.items).toHaveLength(4);
  });
});

describe('ranking', () => {
  it('orders a search digest newest first', () => {
    const old = digestListing({ id: 'old', sortAt: '2026-12-01T00:00:00.000Z' });
    const recent = digestListing({ id: 'new', sortAt: '2026-12-05T00:00:00.000Z' });
    const other = digestListing({ id: 'biller', role: 'biller' });
    expect(rankForSearch([old, recent, other], { roles: ['coder'] }).map((i) => i.listing.id)).toEqual([
      'new',
      'old',
    ]);
  });

  it('ranks a profile digest with the matching core, eligible listings only, each with reasons', () => {
    const profile: CandidateProfile = {
      ...candidateProfileSchema.parse({
        credentials: ['CPC'],
        workMode: 'remote_only',
        stateOfResidence: 'TX',
        yearsExperience: 3,
      }),
      home: null,
    };
    const fits = digestListing({ id: 'fits' });
    const needsCcs = digestListing({
      id: 'ccs',
      certifications: { ...fits.certifications, required: ['CCS'] },
      certsAll: ['CCS'],
    });
    const ranked = rankForProfile(
      [needsCcs, fits],
      profile,
      defaultEquivalenceRules(),
      new Date('2026-12-06T00:00:00Z'),
    );
    expect(ranked.map((i) => i.listing.id)).toEqual(['fits']);
    expect(ranked[0].reasons.length).toBeGreaterThan(0);
  });
});

describe('rendering', () => {
  const ctx: DigestContext = {
    kind: 'search',
    criteria: { workModes: ['remote'], credentials: ['CPC'], remoteEligibleFor: 'TX' },
    frequency: 'daily',
    links: {
      listing: (id) => `https://coderjobs.example/jobs/${id}`,
      all: 'https://coderjobs.example/jobs?credential=CPC',
      employer: (name) => `https://coderjobs.example/jobs?employer=${encodeURIComponent(name)}`,
      manage: 'https://coderjobs.example/digests/manage/t',
      unsubscribe: 'https://coderjobs.example/digests/unsubscribe/t',
    },
  };

  it('says what is inside in the subject', () => {
    expect(digestSubject(ctx, 5)).toBe('5 new remote CPC jobs for Texas residents');
    expect(digestSubject({ ...ctx, kind: 'profile', criteria: null }, 1)).toBe(
      '1 new job matching your profile',
    );
  });

  it('escapes listing text in the HTML part and keeps key facts and links in both parts', () => {
    const hostile = digestListing({
      id: 'h',
      title: '<script>alert(1)</script> Coder',
      employer: 'Mercy "Valley" & Co',
      remoteStates: ['TX'],
      salary: { min: 24, max: 30, period: 'hour', currency: 'USD', annualMin: null, annualMax: null },
    });
    const out = renderDigest(selectDigest([{ listing: hostile, reasons: [] }])!, ctx);
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&#60;script&#62;');
    expect(out.html).not.toMatch(/<img|<style|src=/);
    expect(out.text).toContain('Requires CPC');
    expect(out.text).toContain('Remote from TX');
    expect(out.text).toContain('$24–$30 an hour');
    expect(out.text).toContain('https://coderjobs.example/jobs/h');
    expect(out.text).toContain(ctx.links.unsubscribe);
    expect(out.html).toContain(ctx.links.manage);
  });

  it('renders once for many subscribers: each gets what renderDigest gives with their own links', () => {
    const items = ['a', 'b', 'c', 'd'].map((id, i) => ({
      listing: digestListing({ id, title: `Coder <${id}> & co`, employer: i < 3 ? 'Mercy' : null }),
      reasons: i === 0 ? ['Holds "CPC"'] : [],
    }));
    const selection = selectDigest(items, { cap: 2, perEmployer: 1 })!;
    const { manage: _m, unsubscribe: _u, ...shared } = ctx.links;
    const template = digestTemplate(selection, { ...ctx, links: shared });
    const owners = [
      {
        manage: 'https://coderjobs.example/digests/manage/m.1',
        unsubscribe: 'https://coderjobs.example/digests/unsubscribe/u.1',
      },
      {
        manage: 'https://coderjobs.example/digests/manage/m.2',
        unsubscribe: 'https://coderjobs.example/digests/unsubscribe/u.2',
      },
      // Something escaping would change: rendered in full instead.
      { manage: 'https://coderjobs.example/m?a=1&b=2', unsubscribe: 'https://coderjobs.example/u"' },
    ];
    for (const own of owners) {
      expect(template(own)).toEqual(renderDigest(selection, { ...ctx, links: { ...ctx.links, ...own } }));
    }
  });

  it('fills only its own stand-ins: a posting cannot plant one that takes a subscriber link', () => {
    const planted = 'https://digest.invalid/unsubscribe-0c4f6e2a';
    const items = [{ listing: digestListing({ id: 'p', title: `Coder ${planted}` }), reasons: [] }];
    const selection = selectDigest(items)!;
    const { manage: _m, unsubscribe: _u, ...shared } = ctx.links;
    const own = {
      manage: 'https://coderjobs.example/digests/manage/m.9',
      unsubscribe: 'https://coderjobs.example/digests/unsubscribe/u.9',
    };
    const out = digestTemplate(selection, { ...ctx, links: shared })(own);
    expect(out).toEqual(renderDigest(selection, { ...ctx, links: { ...ctx.links, ...own } }));
    expect(out.text).toContain(`Coder ${planted}`);
  });
});

describe('link tokens', () => {
  const secret = 'x'.repeat(32);
  const id = '3f1c2b8e-8d7a-4c1e-9b1a-0c5d2e7f9a10';

  it('names one subscription for one purpose, and refuses anything altered', () => {
    const token = signLink(secret, 'unsubscribe', id, 2);
    expect(verifyLink(secret, 'unsubscribe', token)).toEqual({ subscriptionId: id, version: 2 });
    expect(verifyLink(secret, 'manage', token)).toBeNull();
    expect(verifyLink('y'.repeat(32), 'unsubscribe', token)).toBeNull();
    expect(verifyLink(secret, 'unsubscribe', token.replace('.2.', '.3.'))).toBeNull();
    expect(verifyLink(secret, 'unsubscribe', 'garbage')).toBeNull();
  });

  it('keeps only a hash of a confirmation token', () => {
    const { token, hash } = newConfirmToken();
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });
});
