import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { leverAdapter } from './index';
import { parseLever } from './lever.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/lever', name), 'utf8');

const config = leverAdapter.configSchema.parse({
  site: 'summitrevenue',
  employerName: 'Summit Revenue Partners',
});

describe('parseLever', () => {
  const page1 = parseLever(fixture('postings-page-1.json'), config);
  const page2 = parseLever(fixture('postings-page-2.json'), config);
  const byId = (id: string) => [...page1.postings, ...page2.postings].find((p) => p.externalId === id)!;

  it('reads every posting of a page and skips one without a title', () => {
    expect(page1.postings).toHaveLength(3);
    expect(page1.skipped).toEqual([]);
    expect(page2.postings.map((p) => p.externalId)).toEqual(['3d5e7f9a-1b2c-4d3e-9f5a-7b9c1d3e5f7a']);
    expect(page2.skipped).toEqual([
      { externalId: '5f7a9b1c-3d4e-4f5a-8b7c-9d1e3f5a7b9c', reason: 'posting has no title' },
    ]);
  });

  it('maps a remote posting with state restrictions and an hourly salary range', () => {
    expect(byId('6f1c2a9e-3b7d-4e51-9a0c-1d2e3f405a61')).toMatchObject({
      title: 'Risk Adjustment Coder (Remote)',
      employer: 'Summit Revenue Partners',
      url: 'https://jobs.lever.co/summitrevenue/6f1c2a9e-3b7d-4e51-9a0c-1d2e3f405a61',
      descriptionFormat: 'html',
      locations: [{ text: 'Remote - FL, GA or TX residents only', country: 'US' }],
      remote: true,
      workplaceType: 'remote',
      salary: { min: 26, max: 32, currency: 'USD', unit: 'per-hour-wage', text: null },
      employmentType: 'Full-time',
      department: 'Coding Services',
      postedAt: '2026-05-06T14:30:00.000Z',
      validThrough: null,
      extra: {
        team: 'Risk Adjustment',
        country: 'US',
        applyUrl: 'https://jobs.lever.co/summitrevenue/6f1c2a9e-3b7d-4e51-9a0c-1d2e3f405a61/apply',
      },
    });
  });

  it('joins the description, the titled lists and the closing section', () => {
    const description = byId('6f1c2a9e-3b7d-4e51-9a0c-1d2e3f405a61').description!;
    expect(description).toMatch(/^<div>Summit Revenue Partners codes Medicare Advantage charts/);
    expect(description).toContain('<h3>Requirements</h3>\n<ul><li>CRC required;');
    expect(description).toContain('<h3>Nice to have</h3>');
    expect(description).toMatch(/<p>We are an equal opportunity employer.<\/p>$/);
  });

  it('lists every location of a multi-city hybrid posting', () => {
    const posting = byId('8a2d4b6c-5e7f-4a81-b2c3-d4e5f6a7b8c9');
    expect(posting.locations?.map((l) => [l.city, l.state])).toEqual([
      ['Phoenix', 'AZ'],
      ['Tucson', 'AZ'],
      ['Mesa', 'AZ'],
    ]);
    expect(posting.remote).toBe(false);
    expect(posting.workplaceType).toBe('hybrid');
    expect(posting.salary).toMatchObject({ min: 55000, max: 68000, unit: 'per-year-salary' });
  });

  it('keeps a salary given only as a sentence', () => {
    expect(byId('1b3c5d7e-9f0a-4b2c-8d4e-6f8a0b2c4d6e').salary).toEqual({
      min: null,
      max: null,
      currency: null,
      unit: null,
      text: '$21.00 - $25.00 per hour, depending on experience',
    });
  });

  it('treats an unspecified workplace type as unknown and falls back to the team', () => {
    const posting = byId('3d5e7f9a-1b2c-4d3e-9f5a-7b9c1d3e5f7a');
    expect(posting).toMatchObject({
      remote: null,
      workplaceType: null,
      employmentType: 'Contract',
      salary: null,
    });
    expect(posting.department).toBe('Education');
  });

  it('reads a single posting object', () => {
    const result = parseLever(fixture('posting-single.json'), config);
    expect(result.postings.map((p) => p.title)).toEqual(['Outpatient Surgery Coder']);
  });

  it('reads an empty page as no postings', () => {
    expect(parseLever(fixture('postings-empty.json'), config)).toEqual({ postings: [], skipped: [] });
  });

  it('throws a ParseError for truncated JSON, an HTML page and an error object', () => {
    expect(() => parseLever(fixture('postings-truncated.txt'), config)).toThrow(ParseError);
    expect(() => parseLever(fixture('error-page.html'), config)).toThrow(/HTML/);
    expect(() => parseLever(fixture('site-not-found.json'), config)).toThrow(/postings array/);
  });
});
