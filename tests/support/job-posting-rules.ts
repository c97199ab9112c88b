// Google for Jobs' rules for schema.org JobPosting structured data, as its developer documentation
// states them, written as checks: required properties, then recommended ones. Returns what is wrong,
// in words; an empty list means the posting passes.

type Json = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
];
const UNITS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'];
const PLACE_TYPES = ['Country', 'State', 'City', 'AdministrativeArea'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

function checkPlace(place: unknown, problems: string[]): void {
  if (!isObject(place) || place['@type'] !== 'Place' || !isObject(place.address)) {
    problems.push('jobLocation must be a Place with a PostalAddress');
    return;
  }
  const a = place.address;
  if (a['@type'] !== 'PostalAddress') problems.push('jobLocation.address must be a PostalAddress');
  if (!text(a.addressCountry)) problems.push('jobLocation.address.addressCountry is required');
  if (!text(a.addressLocality) && !text(a.addressRegion) && !text(a.postalCode)) {
    problems.push('jobLocation.address needs a locality, region or postal code');
  }
}

export function requiredProblems(ld: Json): string[] {
  const problems: string[] = [];
  if (ld['@context'] !== 'https://schema.org/' && ld['@context'] !== 'https://schema.org') {
    problems.push('@context must be schema.org');
  }
  if (ld['@type'] !== 'JobPosting') problems.push('@type must be JobPosting');
  if (!text(ld.title)) problems.push('title is required');
  if (!text(ld.description)) problems.push('description is required');
  if (!text(ld.datePosted) || !ISO_DATE.test(ld.datePosted as string))
    problems.push('datePosted must be ISO 8601');
  const org = ld.hiringOrganization;
  if (!isObject(org) || org['@type'] !== 'Organization' || !text(org.name)) {
    problems.push('hiringOrganization must be an Organization with a name');
  }
  const remote = ld.jobLocationType === 'TELECOMMUTE';
  if (remote) {
    const areas = list(ld.applicantLocationRequirements);
    if (areas.length === 0) problems.push('a TELECOMMUTE job needs applicantLocationRequirements');
    for (const area of areas) {
      if (!isObject(area) || !PLACE_TYPES.includes(area['@type'] as string) || !text(area.name)) {
        problems.push('applicantLocationRequirements entries must be a Country, State or City with a name');
      }
    }
  } else {
    const places = list(ld.jobLocation);
    if (places.length === 0) problems.push('jobLocation is required unless jobLocationType is TELECOMMUTE');
    for (const place of places) checkPlace(place, problems);
  }
  return problems;
}

/**
 * Recommended properties: missing ones are reported too, so a page states all it can. Pay and the
 * employment type are expected only where the listing states them (inventing them would mislead).
 */
export function recommendedProblems(
  ld: Json,
  expect: { baseSalary: boolean; employmentType: boolean },
): string[] {
  const problems: string[] = [];
  if (!text(ld.validThrough) || !ISO_DATE.test(ld.validThrough as string)) {
    problems.push('validThrough must be ISO 8601');
  } else if (
    text(ld.datePosted) &&
    Date.parse(ld.validThrough as string) <= Date.parse(ld.datePosted as string)
  ) {
    problems.push('validThrough must come after datePosted');
  }
  const id = ld.identifier;
  if (!isObject(id) || id['@type'] !== 'PropertyValue' || !text(id.name) || !text(String(id.value ?? ''))) {
    problems.push('identifier must be a PropertyValue with a name and a value');
  }
  for (const type of list(ld.employmentType)) {
    if (!EMPLOYMENT_TYPES.includes(type as string))
      problems.push(`employmentType ${String(type)} is not allowed`);
  }
  if (expect.employmentType && ld.employmentType === undefined)
    problems.push('employmentType is recommended');
  if (typeof ld.directApply !== 'boolean') problems.push('directApply must be true or false');
  if (expect.baseSalary) {
    const pay = ld.baseSalary;
    if (!isObject(pay) || pay['@type'] !== 'MonetaryAmount' || !/^[A-Z]{3}$/.test(String(pay.currency))) {
      problems.push('baseSalary must be a MonetaryAmount with an ISO 4217 currency');
    } else {
      const value = pay.value;
      if (
        !isObject(value) ||
        value['@type'] !== 'QuantitativeValue' ||
        !UNITS.includes(value.unitText as string)
      ) {
        problems.push(
          'baseSalary.value must be a QuantitativeValue with unitText HOUR, DAY, WEEK, MONTH or YEAR',
        );
      } else if (
        typeof value.value !== 'number' &&
        !(
          typeof value.minValue === 'number' &&
          typeof value.maxValue === 'number' &&
          value.minValue <= value.maxValue
        )
      ) {
        problems.push('baseSalary.value needs a value, or minValue <= maxValue');
      }
    }
  }
  return problems;
}

/** The JSON-LD blocks of an HTML page, parsed. */
export function jsonLdBlocks(html: string): Json[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]) as Json,
  );
}
