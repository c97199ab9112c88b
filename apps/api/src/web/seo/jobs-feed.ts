import type { RecruiterFeedRow } from '#persistence';
import { xmlEscape } from './sitemap-xml';

// The jobs feed job boards read (Indeed's XML shape): one <job> per open recruiter posting. A job
// that leaves the feed is closed on the boards that read it; ingested listings are never in it.

const JOB_TYPES: Record<string, string> = {
  full_time: 'fulltime',
  part_time: 'parttime',
  contract: 'contract',
  per_diem: 'parttime',
  temporary: 'temporary',
};

const el = (name: string, value: string | null | undefined) => `<${name}>${xmlEscape(value ?? '')}</${name}>`;

function salaryText(r: RecruiterFeedRow): string {
  if (r.salaryMin == null && r.salaryMax == null) return '';
  const money = (n: number | null) =>
    n == null ? '' : `$${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  const range = [money(r.salaryMin), money(r.salaryMax)].filter(Boolean).join(' - ');
  return `${range} per ${r.salaryPeriod ?? 'year'}`;
}

export function jobsFeed(
  rows: RecruiterFeedRow[],
  site: { origin: string; absolute(path: string): string },
  now: Date,
): string {
  const jobs = rows.map((r) => {
    const place = r.locations[0] ?? null;
    return [
      '<job>',
      el('title', r.title),
      el('date', r.postedAt.toUTCString()),
      el('referencenumber', r.id),
      el('url', site.absolute(`/jobs/${r.id}`)),
      el('company', r.employer),
      el('city', place?.city),
      el('state', place?.state),
      el('country', 'US'),
      el('postalcode', place?.postalCode),
      el('description', r.descriptionText),
      el('salary', salaryText(r)),
      el('jobtype', JOB_TYPES[r.employmentType] ?? ''),
      ...(r.workMode === 'remote'
        ? [el('remotetype', 'Fully remote')]
        : r.workMode === 'hybrid'
          ? [el('remotetype', 'Hybrid remote')]
          : []),
      '</job>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<source>',
    el('publisher', 'CoderJobs'),
    el('publisherurl', site.origin),
    el('lastBuildDate', now.toUTCString()),
    ...jobs,
    '</source>',
    '',
  ].join('\n');
}
