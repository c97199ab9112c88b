// Reads a schema.org JobPosting (the JSON-LD Google for Jobs reads) into a RawPosting: title,
// description, hiring organisation, places, TELECOMMUTE, applicant location requirements, baseSalary,
// dates. Finds the posting wherever a page put it: the top level, an array, "@graph", or an ItemList.
import type { RawLocation, RawPosting, RawSalary } from '#sources';

type Json = Record<string, unknown>;

const MAX_DEPTH = 8;
const MAX_NODES = 5_000;

function asRecord(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const record = asRecord(value);
  return record ? (asText(record.name) ?? asText(record['@value']) ?? asText(record.value)) : null;
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d[\d,]*(?:\.\d+)?\s*$/.test(value))
    return Number(value.replace(/,/g, ''));
  return null;
}

function isJobPosting(node: Json): boolean {
  return asArray(node['@type']).some((t) => typeof t === 'string' && /(?:^|\/)JobPosting$/.test(t));
}

/** The first JobPosting anywhere in a parsed JSON-LD document, breadth first and bounded. */
export function findJobPosting(document: unknown): Json | null {
  const queue: { node: unknown; depth: number }[] = [{ node: document, depth: 0 }];
  for (let visited = 0; queue.length > 0 && visited < MAX_NODES; visited++) {
    const { node, depth } = queue.shift() as { node: unknown; depth: number };
    if (Array.isArray(node)) {
      if (depth < MAX_DEPTH) node.forEach((child) => queue.push({ node: child, depth: depth + 1 }));
      continue;
    }
    const record = asRecord(node);
    if (!record) continue;
    if (isJobPosting(record)) return record;
    if (depth >= MAX_DEPTH) continue;
    for (const key of ['@graph', 'itemListElement', 'item', 'mainEntity', 'about']) {
      if (record[key] !== undefined) queue.push({ node: record[key], depth: depth + 1 });
    }
  }
  return null;
}

function readLocation(place: unknown): RawLocation | null {
  const record = asRecord(place);
  if (!record) return typeof place === 'string' ? { text: place } : null;
  const address =
    asRecord(record.address) ??
    (typeof record.address === 'string' ? { streetAddress: record.address } : record);
  const geo = asRecord(record.geo);
  const location: RawLocation = {
    city: asText(address.addressLocality),
    state: asText(address.addressRegion),
    postalCode: asText(address.postalCode),
    country: asText(address.addressCountry),
    lat: asNumber(geo?.latitude),
    lon: asNumber(geo?.longitude),
  };
  if (!location.city && !location.state && !location.postalCode) {
    const text = asText(address.streetAddress) ?? asText(record.name);
    if (!text) return location.country ? { country: location.country } : null;
    location.text = text;
  }
  return location;
}

function readSalary(baseSalary: unknown): RawSalary | null {
  const direct = asNumber(baseSalary);
  if (direct !== null) return { min: direct, max: direct, currency: null, unit: null };
  const amount = asRecord(baseSalary);
  if (!amount) return null;
  const value = asRecord(amount.value);
  const single = asNumber(value?.value) ?? asNumber(amount.value);
  const min = asNumber(value?.minValue) ?? single;
  const max = asNumber(value?.maxValue) ?? single;
  if (min === null && max === null) return null;
  return {
    min,
    max,
    currency: asText(amount.currency),
    unit: asText(value?.unitText) ?? asText(amount.unitText),
  };
}

/** A RawPosting for a JobPosting node; `fallbackId` names it when the posting carries no identifier. */
export function jobPostingToRaw(node: Json, fallbackId: string): RawPosting {
  const identifier = asRecord(node.identifier);
  const telecommute = asArray(node.jobLocationType).some(
    (t) => typeof t === 'string' && /telecommute/i.test(t),
  );
  const locations = asArray(node.jobLocation)
    .map(readLocation)
    .filter((l): l is RawLocation => l !== null && !(Object.keys(l).length === 1 && l.country));
  const applicantLocations = asArray(node.applicantLocationRequirements)
    .map(asText)
    .filter((name): name is string => name !== null);
  const employmentType = asArray(node.employmentType)
    .map(asText)
    .filter((t): t is string => t !== null)
    .join(', ');
  return {
    externalId: asText(identifier?.value) ?? asText(node.identifier) ?? asText(node.url) ?? fallbackId,
    title: asText(node.title) ?? '',
    employer: asText(node.hiringOrganization),
    url: asText(node.url),
    description: typeof node.description === 'string' ? node.description : null,
    descriptionFormat: 'html',
    locations,
    remote: telecommute ? true : null,
    applicantLocations,
    salary: readSalary(node.baseSalary),
    employmentType: employmentType || null,
    postedAt: asText(node.datePosted),
    validThrough: asText(node.validThrough),
    extra: {
      educationRequirements: node.educationRequirements ?? null,
      experienceRequirements: node.experienceRequirements ?? null,
      qualifications: node.qualifications ?? null,
      occupationalCategory: node.occupationalCategory ?? null,
    },
  };
}
