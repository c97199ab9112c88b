import { detectFormat, normalizeDocument, readDocument } from './normalize-document';

describe('detectFormat', () => {
  it.each<[string, string | undefined, string]>([
    ['{"title":"Coder"}', undefined, 'json'],
    ['[{"@type":"JobPosting"}]', undefined, 'json'],
    ['<!doctype html><html></html>', undefined, 'html'],
    ['<div><p>Coder</p></div>', undefined, 'html'],
    ['Medical Coder\nCPC required', undefined, 'text'],
    ['anything', 'posting.json', 'json'],
    ['anything', 'posting.htm', 'html'],
    ['<p>x</p>', 'posting.txt', 'text'],
  ])('%j (%s) -> %s', (content, fileName, expected) => {
    expect(detectFormat(content, fileName)).toBe(expected);
  });
});

describe('readDocument', () => {
  it('takes the first line of text as the title', () => {
    expect(readDocument('\n\nMedical Coder\nCPC required.')).toMatchObject({
      title: 'Medical Coder',
      description: 'CPC required.',
    });
  });

  it('takes the title from a few lines down when the page opens with the employer', () => {
    expect(
      readDocument(
        'Cedar Hills Nursing Center\n\nSign up for alerts.\n\nBusiness Office Manager\n\nBill Medicare.',
      ),
    ).toMatchObject({
      title: 'Business Office Manager',
      description: 'Cedar Hills Nursing Center\n\nSign up for alerts.\n\n\nBill Medicare.',
    });
    expect(readDocument('Mercy Hospital Coding Specialist\nCode charts.').title).toBe(
      'Mercy Hospital Coding Specialist',
    );
    expect(readDocument('Lakeside Health\nWe are hiring. Code charts.').title).toBe('Lakeside Health');
  });

  it("skips the site's chrome and a section heading to find the title", () => {
    expect(readDocument('Logo\n\nPatient Account Representative\n\nFull Time\nPost payments.')).toMatchObject(
      {
        title: 'Patient Account Representative',
      },
    );
    expect(readDocument('Skip to Main Content\nAccount Rep II\nWork denials.').title).toBe('Account Rep II');
    expect(
      readDocument(
        'This site uses cookies. By continuing to browse you consent to them.\n#main\nBack to search results\nNew\n\nCash Poster\nPost lockbox payments.',
      ).title,
    ).toBe('Cash Poster');
    expect(
      readDocument(
        'Job Description\nJob Description\nPosition Summary :\nWe post cash.\nCash Applications Clerk\n',
      ).title,
    ).toBe('Cash Applications Clerk');
  });

  it('takes the title the opening summary names when a heading stands where the title would', () => {
    const raw = readDocument(
      'OVERVIEW\nThe Refund Resolution Analyst (PFS) is responsible for resolving overpaid accounts.\nDUTIES\nIssue refunds.',
    );
    expect(raw.title).toBe('Refund Resolution Analyst (PFS)');
    expect(raw.description).toContain('OVERVIEW');
    // A sentence naming no job keeps the heading as the title.
    expect(readDocument('Summary\nThe team is growing fast.\nPost payments.').title).toBe('Summary');
  });

  it('reads a RawPosting-like JSON object', () => {
    const raw = readDocument(
      JSON.stringify({ externalId: 'a1', title: 'Coder', description: '<p>x</p>', locations: 'bad' }),
    );
    expect(raw).toMatchObject({ externalId: 'a1', title: 'Coder', description: '<p>x</p>', locations: [] });
  });

  it('finds a JobPosting in JSON-LD: @graph, arrays and ItemLists', () => {
    const jobPosting = {
      '@type': 'JobPosting',
      title: 'Risk Adjustment Coder',
      hiringOrganization: { '@type': 'Organization', name: 'Bluewater' },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [{ '@type': 'State', name: 'Texas' }],
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { minValue: 25, maxValue: 31, unitText: 'HOUR' },
      },
      jobLocation: {
        '@type': 'Place',
        address: { addressLocality: 'Tempe', addressRegion: 'Arizona', postalCode: '85281' },
      },
    };
    for (const document of [
      { '@graph': [jobPosting] },
      [{ '@type': 'WebSite' }, jobPosting],
      { '@type': 'ItemList', itemListElement: [{ item: jobPosting }] },
    ]) {
      expect(readDocument(JSON.stringify(document), 'json')).toMatchObject({
        title: 'Risk Adjustment Coder',
        employer: 'Bluewater',
        remote: true,
        applicantLocations: ['Texas'],
        salary: { min: 25, max: 31, currency: 'USD', unit: 'HOUR' },
        locations: [{ city: 'Tempe', state: 'Arizona', postalCode: '85281' }],
      });
    }
  });

  it('reads JSON-LD embedded in a career page, else the page heading and body', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"JobPosting","title":"Coder","description":"<p>CPC required</p>"}</script>';
    expect(readDocument(`<html><head>${ld}</head><body><h1>Other</h1></body></html>`)).toMatchObject({
      title: 'Coder',
    });
    expect(
      readDocument('<html><head><title>Coder II | Careers at X</title></head><body><p>CPC</p></body></html>')
        .title,
    ).toBe('Coder II');
    expect(readDocument('<html><body><h1>Biller</h1><p>x</p></body></html>').title).toBe('Biller');
  });

  it('falls back to text for broken JSON', () => {
    expect(readDocument('{"title": "Coder"', 'json').title).toBe('{"title": "Coder"');
  });
});

describe('normalizeDocument', () => {
  it('normalizes a text posting end to end', () => {
    const listing = normalizeDocument(
      'Remote Coder\nCPC required. Remote - must reside in TX or OK. $25/hr.',
      undefined,
      'a.txt',
    );
    expect(listing).toMatchObject({
      title: 'Remote Coder',
      role: 'coder',
      workMode: 'remote',
      remoteStates: ['OK', 'TX'],
      certifications: { required: ['CPC'] },
      salary: { min: 25, max: 25, period: 'hour', currency: 'USD', annualMin: 52000 },
    });
    expect(listing.evidence.map((e) => e.field)).toEqual(
      expect.arrayContaining(['role', 'certifications', 'workMode', 'remoteStates', 'salary']),
    );
  });
});
