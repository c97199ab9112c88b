import { readKeywords } from './read-keywords';

describe('readKeywords', () => {
  it('reads credential, work mode, specialty and a state open to remote residents', () => {
    const r = readKeywords('CPC remote inpatient Texas');
    expect(r).toMatchObject({
      text: '',
      credential: ['CPC'],
      workMode: ['remote'],
      specialty: ['inpatient'],
      remoteEligibleFor: 'TX',
      state: [],
    });
    expect(r.readings.map((x) => `${x.phrase}=${x.field}`)).toEqual([
      'CPC=credential',
      'remote=workMode',
      'inpatient=specialty',
      'Texas=remoteEligibleFor',
    ]);
  });

  it('reads a state without remote as a place', () => {
    expect(readKeywords('coder New York')).toMatchObject({ state: ['NY'], role: ['coder', 'coder_biller'] });
  });

  it('prefers the longest phrase: full credential names and two-word states', () => {
    const r = readKeywords('certified professional coder west virginia');
    expect(r.credential).toEqual(['CPC']);
    expect(r.state).toEqual(['WV']);
    expect(r.text).toBe('');
  });

  it('leaves words it does not know as full text, without the fillers around what it read', () => {
    const r = readKeywords('remote CPC jobs at Mercy Valley');
    expect(r.text).toBe('at Mercy Valley');
    expect(r.credential).toEqual(['CPC']);
  });

  it('reads nothing when no vocabulary is present (fillers stay text)', () => {
    expect(readKeywords('jobs at Mercy')).toMatchObject({ text: 'jobs at Mercy', readings: [] });
  });

  it('keeps quoted phrases, exclusions and OR queries as text', () => {
    expect(readKeywords('"remote coder" -CPC')).toMatchObject({ text: '"remote coder" -CPC', readings: [] });
    expect(readKeywords('CPC OR CCS')).toMatchObject({ text: 'CPC OR CCS', credential: [] });
    const mixed = readKeywords('remote "Mercy Valley"');
    expect(mixed).toMatchObject({ text: '"Mercy Valley"', workMode: ['remote'] });
  });

  it('reads word-like state codes only in capitals, and never VA or AR', () => {
    expect(readKeywords('remote coder in OK').remoteEligibleFor).toBe('OK');
    expect(readKeywords('remote coder ok').remoteEligibleFor).toBeUndefined();
    expect(readKeywords('tx remote').remoteEligibleFor).toBe('TX');
    expect(readKeywords('VA coder').state).toEqual([]);
    expect(readKeywords('VA coder').text).toBe('VA');
    expect(readKeywords('billing AR').state).toEqual([]);
    expect(readKeywords('remote PA coder').remoteEligibleFor).toBe('PA');
    expect(readKeywords('remote PA coder').credential).toEqual([]);
  });

  it('reads lower-case credential codes, but short clinical ones only in capitals', () => {
    expect(readKeywords('cpc-a remote').credential).toEqual(['CPC-A']);
    expect(readKeywords('rhit').credential).toEqual(['RHIT']);
    expect(readKeywords('cdi RN').credential).toEqual(['RN']);
    expect(readKeywords('cdi rn').credential).toEqual([]);
  });

  it('reads pay, ZIP codes, employment types and coding systems', () => {
    expect(readKeywords('coder $50k').minPay).toBe(50_000);
    expect(readKeywords('coder 55,000+').minPay).toBe(55_000);
    expect(readKeywords('biller $25/hr').minPay).toBe(52_000);
    expect(readKeywords('coder 75201').near).toBe('75201');
    expect(readKeywords('part-time per diem coder').employmentType).toEqual(['part_time', 'per_diem']);
    expect(readKeywords('ICD-10-PCS DRG').codingSystem).toEqual(['ICD-10-PCS', 'DRG']);
  });

  it('reads specialty phrases and abbreviations (capitals only)', () => {
    expect(readKeywords('risk adjustment coder').specialty).toEqual(['risk_adjustment']);
    expect(readKeywords('profee E/M').specialty).toEqual(['profee', 'em']);
    expect(readKeywords('ED coder').specialty).toEqual(['emergency']);
    expect(readKeywords('ed coder').specialty).toEqual([]);
  });

  it('takes one state for remote eligibility and leaves the others as text', () => {
    const r = readKeywords('remote Texas Oklahoma');
    expect(r.remoteEligibleFor).toBe('TX');
    expect(r.text).toBe('Oklahoma');
  });

  it('does not join words across a comma into one phrase', () => {
    const r = readKeywords('remote, Texas');
    expect(r).toMatchObject({ workMode: ['remote'], remoteEligibleFor: 'TX' });
  });
});
