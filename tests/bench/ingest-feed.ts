// The feed the ingestion benchmarks serve: Greenhouse postings with realistic bodies.
import type { JobSpec } from '../support/feed-builders';

const TITLES = [
  'Medical Coder',
  'Inpatient Coder',
  'Medical Biller',
  'Coding Auditor',
  'CDI Specialist',
  'AR Specialist',
];
const CITIES = [
  'Dallas, TX',
  'Tulsa, OK',
  'Remote',
  'Phoenix, AZ',
  'Columbus, OH',
  'Atlanta, GA',
  'Denver, CO',
];
const BODIES = [
  '<p>Assign ICD-10-CM and CPT codes for physician office visits.</p><ul><li>CPC required (CPC-A welcome)</li><li>2+ years of profee coding</li></ul><p>Remote - must reside in TX, OK or AR. $24.00 - $29.00 per hour.</p>',
  '<p>Code acute inpatient stays with ICD-10-CM, ICD-10-PCS and MS-DRG.</p><ul><li>CCS or CIC required; RHIT preferred</li><li>3 years of inpatient coding</li></ul><p>Hybrid, two days on site. $62,000 - $74,000 per year.</p>',
  '<p>Work denials and AR follow-up for a multi-specialty group; post ERA/835 payments.</p><p>CPB or CRCR preferred. Full-time, onsite. Pay $19 - $23/hr.</p>',
];

// Real postings carry 2-6 KB of HTML (duties, requirements, benefits, EEO text); a bench with one-line
// bodies would measure rows that real feeds never produce.
const BOILERPLATE =
  '<h3>What you will do</h3><ul><li>Review clinical documentation and assign accurate diagnosis and procedure codes.</li>' +
  '<li>Query providers when documentation is incomplete, conflicting or ambiguous.</li>' +
  '<li>Meet productivity and quality standards and take part in internal audits.</li>' +
  '<li>Keep current with coding guidelines, payer policies and NCCI edits.</li></ul>' +
  '<h3>What we offer</h3><p>Medical, dental and vision coverage from day one, a 401(k) with a company match, ' +
  'paid time off that grows with tenure, CEU reimbursement and paid membership in a professional association. ' +
  'Remote team members receive a laptop, two monitors and a monthly internet stipend.</p>' +
  '<h3>Equal opportunity</h3><p>We are an equal opportunity employer. All qualified applicants will receive ' +
  'consideration for employment without regard to race, color, religion, sex, sexual orientation, gender identity, ' +
  'national origin, disability or protected veteran status. If you need an accommodation during the application ' +
  'process, contact our recruiting team and we will work with you.</p>';

/** `n` postings with distinct titles; `realistic` adds ~1.5 KiB of duties, benefits and EEO text. */
export function benchFeed(n: number, realistic: boolean): JobSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(100_000 + i),
    // Unique titles per employer keep every posting its own listing: this measures the write path.
    title: `${TITLES[i % TITLES.length]} ${Math.floor(i / TITLES.length) + 1}`,
    company: `Employer ${i % 400}`,
    location: CITIES[i % CITIES.length],
    html: `${BODIES[i % BODIES.length]}${realistic ? BOILERPLATE : ''}<p>Requisition ${i}.</p>`,
  }));
}
