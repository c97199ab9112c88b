// Postings as sources really send them at their worst: empty, huge, binary, deeply nested, scripted,
// not in English. The normalizer must not crash or hang, and must not guess.
import { normalizeDocument, normalizePosting, type NormalizedListing } from '#normalizer';
import type { RawPosting } from '#sources';

// A hang guard, not a speed target (speed is measured by the normalizer benchmark): these inputs run to
// hundreds of kilobytes, so anything super-linear would take minutes, while a loaded two-core CI machine
// running the suites in parallel can stretch a 50 ms call several times over.
const HANG_BOUND_MS = 3000;

function normalizeTimed(raw: RawPosting): { listing: NormalizedListing; ms: number } {
  const start = performance.now();
  const listing = normalizePosting(raw);
  return { listing, ms: performance.now() - start };
}

function expectNothingGuessed(listing: NormalizedListing): void {
  expect(listing.certifications).toEqual({
    required: [],
    anyOf: [],
    preferred: [],
    requiredWithinDays: null,
    equivalentAccepted: false,
    apprenticeAccepted: false,
  });
  expect(listing.workMode).toBe('unknown');
  expect(listing.salary).toBeNull();
  expect(listing.remoteStates).toBeNull();
  expect(listing.employmentType).toBe('unknown');
  expect(listing.minYearsExperience).toBeNull();
  expect(listing.codingSystems).toEqual([]);
}

function pseudoRandomBytes(length: number): string {
  let seed = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(seed % 256);
  }
  return out;
}

describe('normalizer on bad input', () => {
  beforeAll(() => {
    // Load the gazetteer outside the timed cases.
    normalizePosting({ externalId: 'warm', title: 'Coder', description: 'Dallas, TX' });
  });

  it.each<[string, Partial<RawPosting>]>([
    ['an empty description', { description: '' }],
    ['a null description', { description: null }],
    ['a whitespace description', { description: ' \n\t '.repeat(1000) }],
    ['an empty title', { title: '', description: '' }],
  ])('reads %s as unknowns', (_name, raw) => {
    const { listing } = normalizeTimed({ externalId: 'x', title: 'Clerk', ...raw });
    expectNothingGuessed(listing);
    expect(listing.role).toBe('other');
    expect(listing.descriptionHtml).toBe('');
  });

  it('bounds a 2 MB description', () => {
    const sentence = 'Our team values teamwork, integrity and patient experience above all else. ';
    const html = `<p>${sentence.repeat(Math.ceil(2_000_000 / sentence.length))}</p>`;
    const { listing, ms } = normalizeTimed({
      externalId: 'x',
      title: 'Clerk',
      description: html,
      descriptionFormat: 'html',
    });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
    expectNothingGuessed(listing);
    expect(listing.descriptionText.length).toBeLessThanOrEqual(300_000);
  });

  it('reads a 2 MB description that repeats real requirements without slowing down', () => {
    const text = 'CPC required. Remote - must reside in TX. $25/hr. 3 years of coding experience. '.repeat(
      25_000,
    );
    const { listing, ms } = normalizeTimed({ externalId: 'x', title: 'Medical Coder', description: text });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
    expect(listing.certifications.required).toEqual(['CPC']);
    expect(listing.remoteStates).toEqual(['TX']);
  });

  it.each<[string, string]>([
    ['binary junk', pseudoRandomBytes(200_000)],
    ['NUL bytes', '\u0000'.repeat(100_000)],
    ['a run of digits', '9'.repeat(500_000)],
    ['dollar signs and commas', '$1,'.repeat(200_000)],
    ['unclosed tags', '<div><p><b><i><ul><li>'.repeat(20_000)],
    ['a lone angle bracket flood', '<'.repeat(300_000)],
    ['state codes without end', 'must reside in TX, OK, '.repeat(40_000)],
    ['credential lists without end', 'CPC or CCS or '.repeat(60_000)],
    ['exclusions without end', 'CPC-A (CCS-P and CPC alone do not qualify '.repeat(20_000)],
    ['open brackets without end', 'CCS (RHIT (not '.repeat(50_000)],
    [
      'apprentice words without end',
      'no apprentices, apprentices are not apprentice A removed '.repeat(15_000),
    ],
    ['piece rates without end', '$4.40 per GI or pain case, '.repeat(30_000)],
    ['onsite words without end', 'must work at our main office campus on site '.repeat(20_000)],
  ])('survives %s in bounded time', (_name, description) => {
    for (const descriptionFormat of ['html', 'text'] as const) {
      const { ms } = normalizeTimed({ externalId: 'x', title: 'Clerk', description, descriptionFormat });
      expect(ms).toBeLessThan(HANG_BOUND_MS);
    }
  });

  it('keeps binary junk from becoming facts', () => {
    const { listing } = normalizeTimed({
      externalId: 'x',
      title: 'Clerk',
      description: pseudoRandomBytes(100_000),
    });
    expectNothingGuessed(listing);
    expect([...listing.descriptionText].some((c) => c.charCodeAt(0) < 9)).toBe(false);
  });

  it('survives 10,000 levels of nesting and keeps the text inside', () => {
    const html = '<div>'.repeat(10_000) + 'Coder' + '</div>'.repeat(10_000);
    const { listing, ms } = normalizeTimed({
      externalId: 'x',
      title: 'Clerk',
      description: html,
      descriptionFormat: 'html',
    });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
    expect(listing.descriptionText).toBe('Coder');
  });

  it('stops reading markup nested past reason (30,000 levels)', () => {
    const html = '<div><span><b>'.repeat(10_000) + 'Coder' + '</b></span></div>'.repeat(10_000);
    const { listing, ms } = normalizeTimed({
      externalId: 'x',
      title: 'Clerk',
      description: html,
      descriptionFormat: 'html',
    });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
    expectNothingGuessed(listing);
  });

  it('drops scripts and styles from the text and the HTML', () => {
    const html =
      '<style>.x{content:"CPC required"}</style><script>var pay="$90/hr"; document.write("remote")</script><p>Clerk</p>';
    const { listing } = normalizeTimed({
      externalId: 'x',
      title: 'Clerk',
      description: html,
      descriptionFormat: 'html',
    });
    expectNothingGuessed(listing);
    expect(listing.descriptionHtml).toBe('<p>Clerk</p>');
    expect(listing.descriptionText).toBe('Clerk');
  });

  it('leaves a posting in Spanish unknown rather than guessed', () => {
    const text =
      'Codificador médico\nBuscamos un codificador con experiencia en codificación de pacientes hospitalizados. ' +
      'Horario de tiempo completo. Salario competitivo según experiencia.';
    const listing = normalizeDocument(text, 'text');
    expectNothingGuessed(listing);
  });

  it('reads non-Latin text without failing', () => {
    const listing = normalizeDocument('医疗编码员\n需要三年经验。远程工作。', 'text');
    expect(listing.title).toBe('医疗编码员');
    expectNothingGuessed(listing);
  });

  it.each([['{"title": 5}'], ['[]'], ['null'], ['{"@type":"JobPosting"}'], ['{']])(
    'reads odd JSON %j',
    (json) => {
      expect(() => normalizeDocument(json, 'json')).not.toThrow();
    },
  );
});
