import { listingWith, profileWith } from '../testing/fixtures';
import { defaultEquivalenceRules, parseEquivalenceRules } from './equivalence-rules';
import { explainCredentials } from './explain-credentials';

const rules = defaultEquivalenceRules();
const texts = (a: ReturnType<typeof explainCredentials>) => a.reasons.map((r) => r.text);

describe('explainCredentials', () => {
  it('says a held requirement plainly', () => {
    const result = explainCredentials(
      listingWith({ certifications: { required: ['CPC'] } }),
      profileWith(),
      rules,
    );
    expect(result.reasons).toEqual([
      { code: 'credential_held', text: 'Requires CPC: you hold it', effect: 'positive' },
    ]);
    expect(result.part).toBe(1);
  });

  it('names the equivalence rule used', () => {
    const result = explainCredentials(
      listingWith({ certifications: { required: ['RHIT'] } }),
      profileWith({ credentials: ['RHIA'] }),
      rules,
    );
    expect(texts(result)).toEqual(['Requires RHIT: your RHIA is accepted (RHIA meets RHIT)']);
    expect(result.reasons[0].code).toBe('credential_by_equivalence');
    expect(result.part).toBeLessThan(1);
  });

  it('explains an apprentice accepted and an "or equivalent" credential', () => {
    const apprentice = explainCredentials(
      listingWith({ certifications: { required: ['CPC'], apprenticeAccepted: true } }),
      profileWith({ credentials: ['CPC-A'] }),
      rules,
    );
    expect(texts(apprentice)).toEqual([
      'Requires CPC (apprentices welcome): your CPC-A is accepted (apprentices welcome here)',
    ]);
    const equivalent = explainCredentials(
      listingWith({ certifications: { required: ['CPC'], equivalentAccepted: true } }),
      profileWith({ credentials: ['CCS-P'] }),
      rules,
    );
    expect(texts(equivalent)).toEqual([
      'Requires CPC or equivalent: your CCS-P is accepted (CCS-P counts as CPC or equivalent)',
    ]);
  });

  it('names the credential held from an any-of group, preferring one held outright', () => {
    const result = explainCredentials(
      listingWith({ certifications: { anyOf: [['RHIT', 'CCS']] } }),
      profileWith({ credentials: ['RHIA', 'CCS'] }),
      rules,
    );
    expect(texts(result)).toEqual(['Requires one of RHIT or CCS: you hold CCS']);
  });

  it('uses the first applicable rule in file order, so a deployment can change the outcome', () => {
    const custom = parseEquivalenceRules({
      rules: [
        {
          id: 'ccs-p-for-cpc',
          label: 'our coders say CCS-P is CPC',
          holds: 'CCS-P',
          satisfies: ['CPC'],
          condition: 'always',
        },
      ],
    });
    const result = explainCredentials(
      listingWith({ certifications: { required: ['CPC'] } }),
      profileWith({ credentials: ['CCS-P'] }),
      custom,
    );
    expect(result.missing).toEqual([]);
    expect(texts(result)).toEqual(['Requires CPC: your CCS-P is accepted (our coders say CCS-P is CPC)']);
  });

  it('explains a credential that may be earned after hire', () => {
    const result = explainCredentials(
      listingWith({ certifications: { required: ['CPC'], requiredWithinDays: 180 } }),
      profileWith({ credentials: [] }),
      rules,
    );
    expect(result.reasons).toEqual([
      {
        code: 'credential_after_hire',
        text: 'Requires CPC within 6 months of hire: you can earn it after you start',
        effect: 'negative',
      },
    ]);
    expect(result.part).toBeGreaterThan(0);
    expect(result.part).toBeLessThan(0.7);
  });

  it('scores zero and explains what is missing', () => {
    const result = explainCredentials(
      listingWith({ certifications: { required: ['CCS'] } }),
      profileWith({ credentials: ['CPC'] }),
      rules,
    );
    expect(result.part).toBe(0);
    expect(result.reasons).toEqual([
      { code: 'credential_missing', text: 'Requires CCS: you do not hold it', effect: 'negative' },
    ]);
  });

  it('says when no credential is required, and rewards preferred credentials held', () => {
    const none = explainCredentials(listingWith(), profileWith(), rules);
    expect(texts(none)).toEqual(['No credential required']);
    const preferred = explainCredentials(
      listingWith({ certifications: { preferred: ['CPC'] } }),
      profileWith(),
      rules,
    );
    expect(texts(preferred)).toEqual(['No credential required', 'Prefers CPC: you hold it']);
    expect(preferred.part).toBeGreaterThan(none.part);
    const notHeld = explainCredentials(
      listingWith({ certifications: { preferred: ['CRC', 'CPMA'] } }),
      profileWith(),
      rules,
    );
    expect(texts(notHeld)).toEqual(['No credential required', 'Prefers CRC or CPMA: you hold none of them']);
    expect(notHeld.part).toBeLessThan(none.part);
  });
});

describe('explainCredentials weighs invited equivalents above unasked ones', () => {
  it('trusts an equivalent the posting invites more than one it never mentioned', () => {
    const invited = explainCredentials(
      listingWith({ certifications: { required: ['CPC'], equivalentAccepted: true } }),
      profileWith({ credentials: ['CCS-P'] }),
      rules,
    ).part;
    const unasked = explainCredentials(
      listingWith({ certifications: { required: ['RHIT'] } }),
      profileWith({ credentials: ['RHIA'] }),
      rules,
    ).part;
    expect(invited).toBeGreaterThan(unasked);
    expect(invited).toBeLessThan(1);
  });
});
