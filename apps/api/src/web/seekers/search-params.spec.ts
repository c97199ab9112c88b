import {
  activeFilters,
  applyKeywords,
  describeSearch,
  readSearchForm,
  searchHref,
  without,
} from './search-params';

describe('readSearchForm', () => {
  it('drops empty fields, splits and orders lists, keeps commas inside single values', () => {
    const form = readSearchForm({
      q: '  ',
      role: ['biller', 'coder'],
      credential: 'CCS,CPC',
      near: 'Dallas, TX',
      minPay: '',
      page: '3',
      cursor: 'abc',
    });
    expect(form.params).toEqual({
      role: ['coder', 'biller'],
      credential: ['CPC', 'CCS'],
      near: 'Dallas, TX',
    });
    expect(form).toMatchObject({ page: 3, cursor: 'abc', literal: false, unknown: {} });
  });

  it('keeps unknown parameters aside so validation can name them', () => {
    expect(readSearchForm({ rol: 'coder' }).unknown).toEqual({ rol: 'coder' });
  });
});

describe('applyKeywords', () => {
  it('turns the words into filters and keeps the rest as text', () => {
    const { params, reading } = applyKeywords({ q: 'CPC remote inpatient Texas Mercy', role: ['coder'] });
    expect(params).toEqual({
      q: 'Mercy',
      role: ['coder'],
      credential: ['CPC'],
      workMode: ['remote'],
      specialty: ['inpatient'],
      remoteEligibleFor: 'TX',
    });
    expect(reading?.readings).toHaveLength(4);
  });

  it('leaves a search with no vocabulary alone, and a state the form set wins', () => {
    expect(applyKeywords({ q: 'Mercy Valley' })).toEqual({ params: { q: 'Mercy Valley' }, reading: null });
    expect(applyKeywords({ q: 'remote Texas', remoteEligibleFor: 'OK' }).params.remoteEligibleFor).toBe('OK');
  });
});

describe('addresses', () => {
  it('writes one address per search, whatever order the form sent', () => {
    const a = readSearchForm({ workMode: 'remote', credential: ['CCS', 'CPC'], sort: 'pay' }).params;
    const b = readSearchForm({ sort: 'pay', credential: 'CPC,CCS', workMode: ['remote'] }).params;
    expect(searchHref(a)).toBe(searchHref(b));
    expect(searchHref(a, { cursor: 'xyz', page: 2 })).toBe(
      '/jobs?credential=CPC&credential=CCS&workMode=remote&sort=pay&cursor=xyz&page=2',
    );
  });

  it('removes one value or one filter, and radius with its place', () => {
    const params = { credential: ['CPC', 'CCS'], near: '75201', radiusMiles: '50' };
    expect(without(params, 'credential', 'CPC')).toEqual({
      credential: ['CCS'],
      near: '75201',
      radiusMiles: '50',
    });
    expect(without(params, 'near')).toEqual({ credential: ['CPC', 'CCS'] });
  });

  it('escapes what it puts in an address', () => {
    expect(searchHref({ q: '"x" & <y>' })).toBe('/jobs?q=%22x%22+%26+%3Cy%3E');
  });
});

describe('describeSearch and activeFilters', () => {
  it('says a search in words', () => {
    expect(
      describeSearch({
        workMode: ['remote'],
        specialty: ['inpatient'],
        remoteEligibleFor: 'TX',
        credential: ['CPC'],
      }),
    ).toBe('remote inpatient jobs open to Texas residents that ask for CPC');
    expect(describeSearch({ role: ['coder', 'coder_biller'], state: ['TX', 'OK'], minPay: '50000' })).toBe(
      'coding jobs in Texas or Oklahoma paying $50,000 a year or more',
    );
    expect(describeSearch({})).toBe('jobs');
  });

  it('labels every filter in force', () => {
    expect(
      activeFilters({ credential: ['CPC'], remoteEligibleFor: 'TX', near: '75201', sort: 'pay' }),
    ).toEqual([
      { field: 'credential', value: 'CPC', label: 'Asks for CPC' },
      { field: 'remoteEligibleFor', label: 'Open to Texas residents' },
      { field: 'near', label: 'Within 25 miles of 75201' },
    ]);
  });
});
