import { CREDENTIALS } from './vocabulary';
import { CREDENTIAL_INFO, GENERIC_CODING_CREDENTIALS, ISSUER_INFO, LICENCES } from './credential-info';
import { STATE_NAMES, toStateCode } from './state-names';
import { SPECIALTIES } from './vocabulary';
import { SPECIALTY_TERMS } from './specialty-terms';

describe('CREDENTIAL_INFO', () => {
  it('describes every credential of the vocabulary', () => {
    expect(Object.keys(CREDENTIAL_INFO).sort()).toEqual([...CREDENTIALS].sort());
  });

  it('names no alias twice across credentials', () => {
    const seen = new Map<string, string>();
    for (const code of CREDENTIALS) {
      for (const name of [CREDENTIAL_INFO[code].name, ...CREDENTIAL_INFO[code].aliases]) {
        expect(seen.get(name.toLowerCase()) ?? code).toBe(code);
        seen.set(name.toLowerCase(), code);
      }
    }
  });

  it('points apprentice credentials at a full credential', () => {
    expect(CREDENTIAL_INFO['CPC-A'].apprenticeOf).toBe('CPC');
    for (const code of CREDENTIALS) {
      const full = CREDENTIAL_INFO[code].apprenticeOf;
      if (full) expect(CREDENTIAL_INFO[full].apprenticeOf).toBeUndefined();
    }
  });

  it.each<[string, string]>([
    ['COC-A', 'COC'],
    ['CPC-H-A', 'COC'],
    ['CIC-A', 'CIC'],
    ['CRC-A', 'CRC'],
    ['CPB-A', 'CPB'],
    ['CPPM-A', 'CPPM'],
  ])('names the apprentice designation %s under %s', (name, full) => {
    const holders = CREDENTIALS.filter((code) => CREDENTIAL_INFO[code].apprenticeNames?.includes(name));
    expect(holders).toEqual([full]);
  });

  it('keeps apprentice designations apart from codes, names and aliases', () => {
    const taken = new Set(
      CREDENTIALS.flatMap((code) => [code, CREDENTIAL_INFO[code].name, ...CREDENTIAL_INFO[code].aliases]),
    );
    for (const code of CREDENTIALS) {
      for (const name of CREDENTIAL_INFO[code].apprenticeNames ?? []) {
        expect(taken.has(name)).toBe(false);
        expect(CREDENTIAL_INFO[code].apprenticeOf).toBeUndefined();
        taken.add(name);
      }
    }
  });

  it.each<[string, string[]]>([
    ['AAHAM', ['CRCS', 'CRCE', 'CRCP', 'CRIP', 'CPAT', 'CCT', 'CPAR', 'CPAM']],
    ['HFMA', ['CRCR', 'CHFP', 'CSPR', 'CSPPM', 'CSMC', 'CSBI']],
    ['NHA', ['CBCS', 'CMAA', 'CEHRS', 'CCMA']],
    ['ACDIS', ['CCDS', 'CCDS-O']],
    ['NCRA', ['CTR']],
  ])("lists %s's credentials under it", (issuer, codes) => {
    expect(CREDENTIALS.filter((code) => CREDENTIAL_INFO[code].issuer === issuer)).toEqual(codes);
  });

  it('marks the clinical licences, and only them, as licences', () => {
    expect(LICENCES).toEqual(['RN', 'LPN', 'PA', 'NP', 'APRN']);
    for (const code of CREDENTIALS) {
      expect(CREDENTIAL_INFO[code].licence === true).toBe(CREDENTIAL_INFO[code].issuer === 'LICENSE');
    }
  });

  it('keeps out codes that collide with code sets or job titles', () => {
    // NHA's phlebotomy technician credential is spelled like the CPT code set.
    expect((CREDENTIALS as readonly string[]).includes('CPT')).toBe(false);
    const names = CREDENTIALS.flatMap((code) => [
      CREDENTIAL_INFO[code].name,
      ...CREDENTIAL_INFO[code].aliases,
    ]);
    expect(names.map((n) => n.toLowerCase())).not.toContain('patient account representative');
  });

  it('reads "an AAPC or AHIMA credential" as the two bodies\' coding credentials', () => {
    expect(ISSUER_INFO.AAPC.codingCredentials).toEqual(['CPC', 'COC', 'CIC', 'CRC']);
    expect(ISSUER_INFO.AHIMA.codingCredentials).toEqual(['CCA', 'CCS', 'CCS-P', 'RHIT', 'RHIA']);
    expect(GENERIC_CODING_CREDENTIALS).toHaveLength(9);
    for (const code of GENERIC_CODING_CREDENTIALS) expect(CREDENTIAL_INFO[code].apprenticeOf).toBeUndefined();
  });
});

describe('toStateCode', () => {
  it.each<[string | null, string | null]>([
    ['TX', 'TX'],
    ['tx', 'TX'],
    ['Texas', 'TX'],
    ['new york', 'NY'],
    ['Washington DC', 'DC'],
    ['District of Columbia', 'DC'],
    ['Puerto Rico', 'PR'],
    ['Ontario', null],
    ['XX', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (value, expected) => {
    expect(toStateCode(value)).toBe(expected);
  });

  it('names every state code', () => {
    for (const [code, name] of Object.entries(STATE_NAMES)) expect(toStateCode(name)).toBe(code);
  });
});

describe('SPECIALTY_TERMS', () => {
  it('gives every specialty at least one term', () => {
    for (const specialty of SPECIALTIES) {
      const { terms, abbreviations } = SPECIALTY_TERMS[specialty];
      expect(terms.length + abbreviations.length).toBeGreaterThan(0);
      for (const term of terms) expect(term).toBe(term.toLowerCase());
    }
  });
});
