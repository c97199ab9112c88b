// Builders for source payloads in their documented shapes, so a test can say exactly what a feed holds
// on each run (add a job, change one, drop one) and serve it from the local fixture server.

export interface JobSpec {
  id: string;
  title: string;
  company?: string;
  location?: string;
  /** HTML body; escaped the way Greenhouse escapes `content`. */
  html?: string;
  updatedAt?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const DEFAULT_HTML =
  '<p>Assign ICD-10-CM and CPT codes for physician office visits and outpatient procedures.</p>' +
  '<ul><li>CPC required (CPC-A welcome)</li><li>2+ years of profee coding</li></ul>' +
  '<p>Remote - must reside in TX, OK or AR. Pay: $24.00 - $29.00 per hour.</p>';

/** A Greenhouse Job Board API response (`/v1/boards/{token}/jobs?content=true`). */
export function greenhouseBoard(jobs: JobSpec[]): string {
  return JSON.stringify({
    jobs: jobs.map((j) => ({
      id: Number(j.id),
      internal_job_id: Number(j.id) + 1,
      title: j.title,
      company_name: j.company ?? 'Mercy Valley Health',
      updated_at: j.updatedAt ?? '2026-11-01T09:00:00-05:00',
      first_published: '2026-10-28T09:00:00-05:00',
      requisition_id: `REQ-${j.id}`,
      location: { name: j.location ?? 'Remote' },
      absolute_url: `https://boards.example.org/mercyvalley/jobs/${j.id}`,
      metadata: [],
      content: escapeHtml(j.html ?? DEFAULT_HTML),
      departments: [{ id: 1, name: 'Health Information Management', child_ids: [], parent_id: null }],
      offices: [],
    })),
    meta: { total: jobs.length },
  });
}

/** One page of the Lever postings API (`/v0/postings/{site}?mode=json&skip&limit`). */
export function leverPage(jobs: JobSpec[]): string {
  return JSON.stringify(
    jobs.map((j) => ({
      id: j.id,
      text: j.title,
      hostedUrl: `https://jobs.example.org/${j.id}`,
      applyUrl: `https://jobs.example.org/${j.id}/apply`,
      createdAt: Date.parse('2026-10-30T12:00:00Z'),
      categories: { location: j.location ?? 'Remote', commitment: 'Full-time', team: 'Revenue Cycle' },
      workplaceType: 'remote',
      description: j.html ?? DEFAULT_HTML,
      descriptionPlain: (j.html ?? DEFAULT_HTML).replace(/<[^>]+>/g, ' '),
      lists: [],
      additional: '',
      additionalPlain: '',
    })),
  );
}

/** A long, distinctive description: the content fingerprint needs at least 200 letters to fold reposts. */
export function distinctiveHtml(seed: string): string {
  return (
    `<p>${seed}: our health information management team is hiring an experienced outpatient coder to review ` +
    'emergency department and observation records, assign ICD-10-CM diagnosis codes and CPT procedure codes, ' +
    'query providers when documentation is unclear, and meet quality targets of ninety five percent.</p>' +
    '<ul><li>CPC or CCS required</li><li>3 years of outpatient facility coding</li></ul>' +
    '<p>Remote within the United States. $25 - $31/hr.</p>'
  );
}
