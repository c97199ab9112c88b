import { normalizeDocument } from './normalize-document';
import { normalizePosting } from './normalize-posting';
import { splitFrontMatter } from './front-matter';
import { looksLikeMarkdown } from './markdown';

const YAML_POSTING = `---
title: "Remote Payment Poster"
company: Lakeview Billing Partners
location: "Remote - TX, OK, AR"
employment_type: Full-time
date: 2025-03-04
salary:
  min: 19
  max: 23.5
  period: hour
tags: [billing, posting]
---

## What you'll do
- Post insurance and patient payments from **ERAs** and EOBs
- Balance the daily deposit

## Requirements
- CRCS or CPB preferred
- 1+ year of payment posting experience
`;

const TOML_POSTING = `+++
title = "Medical Coder (Contract)"
company = "Northfield Orthopedic Associates"
remote = true
type = "Contract"
salary_min = 28
salary_max = 34
+++

Code orthopaedic surgery and office visits. **CPC required**; COSC a plus. See [the team page](https://example.test/team).
`;

describe('front matter', () => {
  it('reads YAML fields and the Markdown body', () => {
    const listing = normalizeDocument(YAML_POSTING, undefined, 'poster.md', { now: new Date('2025-03-10') });
    expect(listing).toMatchObject({
      title: 'Remote Payment Poster',
      employer: 'Lakeview Billing Partners',
      role: 'biller',
      workMode: 'remote',
      remoteStates: ['AR', 'OK', 'TX'],
      employmentType: 'full_time',
      minYearsExperience: 1,
      salary: { min: 19, max: 23.5, period: 'hour' },
      postedAt: '2025-03-04T00:00:00.000Z',
      certifications: { preferred: ['CPB', 'CRCS'] },
    });
    expect(listing.descriptionText).not.toMatch(/##|\*\*/);
    expect(listing.descriptionHtml).toContain('<strong>ERAs</strong>');
  });

  it('reads TOML fields', () => {
    const listing = normalizeDocument(TOML_POSTING, undefined, 'coder.md');
    expect(listing).toMatchObject({
      title: 'Medical Coder (Contract)',
      employer: 'Northfield Orthopedic Associates',
      workMode: 'remote',
      employmentType: 'contract',
      salary: { min: 28, max: 34, period: 'hour' },
      certifications: { required: ['CPC'], preferred: ['COSC'] },
    });
    expect(listing.descriptionText).not.toContain('https://example.test');
  });

  it('reads front matter at the top of a description an adapter passed on', () => {
    const listing = normalizePosting({
      externalId: 'x',
      title: 'Medical Coder (Contract)',
      description: TOML_POSTING,
      descriptionFormat: 'text',
    });
    expect(listing).toMatchObject({
      employer: 'Northfield Orthopedic Associates',
      employmentType: 'contract',
    });
    expect(listing.descriptionText).not.toContain('+++');
  });

  it('leaves a block that does not parse in the text, and reads no fields from it', () => {
    expect(splitFrontMatter('---\ntitle: [unclosed\n---\nBody')).toBeNull();
    expect(splitFrontMatter('+++\ntitle = \n+++\nBody')).toBeNull();
    const listing = normalizeDocument('---\ntitle: [unclosed\n---\nCode ED visits.', undefined, 'x.md');
    expect(listing.employer).toBeNull();
  });

  it('needs the fence at the very top', () => {
    expect(splitFrontMatter('Biller\n---\ntitle: x\n---')).toBeNull();
  });
});

describe('Markdown postings', () => {
  it('reads a README-style posting: the title without its marks, tags and sections', () => {
    const text =
      '# [Payment Poster](https://jobs.example.test/payment-poster)\n### Lakeside Clinic\n' +
      '#### `💰 $20 - $24 per hour` `🌎 Remote`\n\n### Responsibilities\n* Post payments and adjustments from ERAs\n' +
      '* Reconcile deposits\n\n### Qualifications\n* 2+ years of payment posting\n';
    const listing = normalizeDocument(text, undefined, 'readme.md');
    expect(listing).toMatchObject({
      title: 'Payment Poster',
      role: 'biller',
      workMode: 'remote',
      minYearsExperience: 2,
      salary: { min: 20, max: 24, period: 'hour' },
    });
  });

  it('tells Markdown from plain text by more than one sign', () => {
    expect(looksLikeMarkdown('## Duties\n- Code **ED** visits')).toBe(true);
    expect(looksLikeMarkdown('Code ED visits.\n- CPC required\n- 2 years')).toBe(false);
    expect(looksLikeMarkdown('Rate: $20 ** negotiable')).toBe(false);
  });
});
