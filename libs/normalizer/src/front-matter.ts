// Static-site job boards (Hugo, Jekyll, Eleventy...) keep a posting as a Markdown file that opens with
// its fields in front matter: YAML between "---" lines or TOML between "+++" lines. The fields say
// what the body may not (title, company, location, remote, pay, type, dates); the body is the
// description. Field names differ from board to board, so several common spellings are read; a
// block that does not parse is left in the text as it came.
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { RawLocation, RawPosting, RawSalary } from '#sources';

/** Longest front matter read; a posting's fields fit in far less. */
const MAX_FRONT_MATTER_CHARS = 20_000;

const FENCES: { open: RegExp; format: 'yaml' | 'toml' }[] = [
  { open: /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/, format: 'yaml' },
  { open: /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/, format: 'toml' },
];

export interface FrontMatter {
  format: 'yaml' | 'toml';
  fields: Record<string, unknown>;
  /** The text after the block. */
  body: string;
}

/** The front matter at the top of a text, or null when it has none (or it does not parse). */
export function splitFrontMatter(text: string): FrontMatter | null {
  const start = text.replace(/^\ufeff/, '').replace(/^\s*\n/, '');
  for (const { open, format } of FENCES) {
    const m = open.exec(start.slice(0, MAX_FRONT_MATTER_CHARS + 10));
    if (!m) continue;
    let parsed: unknown;
    try {
      parsed =
        format === 'yaml'
          ? parseYaml(m[1], { maxAliasCount: 20, uniqueKeys: false })
          : parseToml(m[1], { integersAsBigInt: false });
    } catch {
      return null;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    return { format, fields: parsed as Record<string, unknown>, body: start.slice(m[0].length) };
  }
  return null;
}

/** The first of the keys the fields hold (case-insensitive, "_" and "-" alike). */
function pick(fields: Record<string, unknown>, keys: string[]): unknown {
  const byName = new Map<string, unknown>();
  for (const [key, value] of Object.entries(fields)) {
    byName.set(key.toLowerCase().replace(/[-\s]/g, '_'), value);
  }
  for (const key of keys) {
    const value = byName.get(key);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function text(value: unknown, max = 300): string | null {
  if (typeof value === 'string') return value.trim().slice(0, max) || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.toISOString();
  // TOML dates arrive as TomlDate objects that print as ISO text.
  if (value && typeof value === 'object' && 'toISOString' in value) {
    const iso = (value as { toISOString: () => unknown }).toISOString();
    return typeof iso === 'string' ? iso : null;
  }
  return null;
}

function texts(value: unknown, max = 20): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .slice(0, max)
    .map((v) => text(v))
    .filter((v): v is string => v !== null);
}

function amount(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value === 'string') {
    const n = Number(value.replace(/[$,\s]/g, '').replace(/k$/i, '000'));
    return Number.isFinite(n) && n > 0 ? n : null;
  }
  return null;
}

function salaryFrom(fields: Record<string, unknown>): RawSalary | null {
  const salary = pick(fields, ['salary', 'pay', 'compensation', 'salary_range', 'pay_range', 'base_salary']);
  const unit = text(pick(fields, ['salary_period', 'pay_period', 'salary_unit', 'period', 'per']));
  const currency = text(pick(fields, ['salary_currency', 'currency']));
  if (salary && typeof salary === 'object' && !Array.isArray(salary)) {
    const s = salary as Record<string, unknown>;
    const min = amount(pick(s, ['min', 'minimum', 'from', 'low']));
    const max = amount(pick(s, ['max', 'maximum', 'to', 'high']));
    const innerUnit = text(pick(s, ['period', 'unit', 'per', 'interval']));
    const innerCurrency = text(pick(s, ['currency']));
    if (min !== null || max !== null)
      return { min, max, unit: innerUnit ?? unit, currency: innerCurrency ?? currency };
  }
  const min = amount(pick(fields, ['salary_min', 'min_salary', 'pay_min', 'salary_from']));
  const max = amount(pick(fields, ['salary_max', 'max_salary', 'pay_max', 'salary_to']));
  if (min !== null || max !== null) return { min, max, unit, currency };
  // "$22 - $26 per hour" as one string: read like the posting's own pay line.
  const written = text(salary);
  return written
    ? { text: unit && !/per|\/|hour|year|annual/i.test(written) ? `${written} ${unit}` : written }
    : null;
}

function remoteFrom(fields: Record<string, unknown>): {
  remote: boolean | null;
  workplaceType: string | null;
} {
  const flag = pick(fields, ['remote', 'is_remote', 'remote_ok', 'telecommute']);
  const type = text(
    pick(fields, ['workplace', 'workplace_type', 'work_mode', 'remote_type', 'location_type', 'work_type']),
  );
  const remote =
    typeof flag === 'boolean'
      ? flag
      : typeof flag === 'string'
        ? /^(?:true|yes|remote|1)$/i.test(flag.trim())
        : null;
  return { remote, workplaceType: type };
}

/**
 * Fills what a RawPosting lacks from the front matter's fields (what the posting already has wins)
 * and makes the text after the block its description.
 */
export function applyFrontMatter(raw: RawPosting, front: FrontMatter): RawPosting {
  const f = front.fields;
  const locations: RawLocation[] = texts(
    pick(f, ['location', 'locations', 'job_location', 'city', 'place']),
  ).map((t) => ({ text: t }));
  const applicantLocations = texts(pick(f, ['applicant_locations', 'remote_states', 'states', 'regions']));
  const { remote, workplaceType } = remoteFrom(f);
  return {
    ...raw,
    title: raw.title || (text(pick(f, ['title', 'job_title', 'position', 'name'])) ?? ''),
    employer:
      raw.employer ??
      text(
        pick(f, [
          'company',
          'employer',
          'organization',
          'organisation',
          'hiring_organization',
          'company_name',
        ]),
        200,
      ),
    url: raw.url ?? text(pick(f, ['apply_url', 'url', 'link', 'application_url', 'permalink']), 2000),
    description: front.body,
    locations: raw.locations && raw.locations.length > 0 ? raw.locations : locations,
    applicantLocations:
      raw.applicantLocations && raw.applicantLocations.length > 0
        ? raw.applicantLocations
        : applicantLocations,
    remote: raw.remote ?? remote,
    workplaceType: raw.workplaceType ?? workplaceType,
    salary: raw.salary ?? salaryFrom(f),
    employmentType:
      raw.employmentType ??
      text(pick(f, ['employment_type', 'job_type', 'type', 'schedule', 'contract_type']), 50),
    department: raw.department ?? text(pick(f, ['department', 'team', 'category']), 200),
    postedAt:
      raw.postedAt ??
      text(pick(f, ['date', 'posted', 'posted_at', 'date_posted', 'published', 'publish_date'])),
    validThrough:
      raw.validThrough ??
      text(
        pick(f, ['expires', 'expiry_date', 'expiration_date', 'valid_through', 'closing_date', 'deadline']),
      ),
  };
}
