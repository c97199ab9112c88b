import type { RawLocation, RawPosting, RawSalary } from '../../raw-posting';
import { toIsoTimestamp } from '../shared/ats-dates';
import { looksEscapedHtml, unescapeHtml } from '../shared/ats-html';
import {
  asBoolean,
  asId,
  asNumber,
  asRecord,
  asString,
  compactRecord,
  type JsonRecord,
} from '../shared/ats-json-fields';
import { cleanInlineText, containsMarkup } from '../shared/web-text';
import { resolveUrl } from '../shared/web-url';
import { describeAll, first, hasType, nameOf, values, type NodeIndex } from './jsonld.values';

// One schema.org JobPosting node as a RawPosting. Property shapes follow schema.org and the
// structured-data guidelines search engines publish for job postings; anything else a page says
// in JSON-LD is ignored.

export interface PostingContext {
  index: NodeIndex;
  pageUrl: string | null;
  employerName?: string;
}

/** The posting's own identifier: text, a number, or a PropertyValue's value. */
export function identifierOf(node: JsonRecord, index: NodeIndex): string | null {
  for (const value of values(node.identifier, index)) {
    const id = asId(value) ?? asId(asRecord(value)?.value) ?? asId(asRecord(value)?.['@value']);
    if (id) return id;
  }
  return null;
}

export function titleOf(node: JsonRecord): string | null {
  return cleanInlineText(asString(node.title) ?? asString(node.name));
}

export function toRawPosting(
  node: JsonRecord,
  externalId: string,
  title: string,
  ctx: PostingContext,
): RawPosting {
  const { index, pageUrl } = ctx;
  const description = descriptionOf(node.description);
  const remote = values(node.jobLocationType, index).some(
    (v) => asString(v)?.toUpperCase() === 'TELECOMMUTE',
  );
  return {
    externalId,
    title,
    employer: ctx.employerName ?? organizationName(node.hiringOrganization, index),
    url: resolveUrl(asString(node.url), pageUrl) ?? pageUrl,
    description,
    descriptionFormat: description && containsMarkup(description) ? 'html' : 'text',
    locations: values(node.jobLocation, index)
      .map((place) => locationOf(place, index))
      .filter((location): location is RawLocation => location !== null),
    remote: remote ? true : null,
    applicantLocations: values(node.applicantLocationRequirements, index)
      .map(nameOf)
      .filter((name): name is string => name !== null),
    salary: salaryOf(node, 'baseSalary', index) ?? salaryOf(node, 'estimatedSalary', index),
    employmentType: values(node.employmentType, index).map(asString).filter(Boolean).join(', ') || null,
    department: null,
    postedAt: toIsoTimestamp(node.datePosted),
    validThrough: toIsoTimestamp(node.validThrough),
    extra: compactRecord({
      educationRequirements: describeAll(node.educationRequirements, index),
      experienceRequirements: describeAll(node.experienceRequirements, index),
      experienceInPlaceOfEducation: asBoolean(node.experienceInPlaceOfEducation),
      qualifications: describeAll(node.qualifications, index),
      skills: describeAll(node.skills, index),
      occupationalCategory: describeAll(node.occupationalCategory, index),
      industry: describeAll(node.industry, index),
      workHours: describeAll(node.workHours, index),
      directApply: asBoolean(node.directApply),
    }),
  };
}

/** Pages often put escaped markup ("&lt;p&gt;") in JSON-LD descriptions: one level is undone. */
function descriptionOf(value: unknown): string | null {
  const text = asString(value);
  if (text === null) return null;
  return looksEscapedHtml(text) ? unescapeHtml(text) : text;
}

function organizationName(value: unknown, index: NodeIndex): string | null {
  return cleanInlineText(nameOf(first(value, index)));
}

/** A Place with a PostalAddress, a bare PostalAddress, or text. */
function locationOf(value: unknown, index: NodeIndex): RawLocation | null {
  const text = asString(value);
  if (text !== null) return { text };
  const place = asRecord(value);
  if (!place) return null;
  const address = first(place.address, index) ?? (isAddress(place) ? place : undefined);
  const geo = asRecord(first(place.geo, index));
  const lat = asNumber(geo?.latitude);
  const lon = asNumber(geo?.longitude);
  const coordinates = lat !== null && lon !== null ? { lat, lon } : {};

  const addressText = asString(address);
  if (addressText !== null) return { text: addressText, ...coordinates };
  const postal = asRecord(address);
  if (!postal) return lat !== null && lon !== null ? coordinates : nameOnly(place);
  const location = {
    city: asString(postal.addressLocality),
    state: asString(postal.addressRegion),
    postalCode: asId(postal.postalCode),
    country: nameOf(first(postal.addressCountry, index)),
    ...coordinates,
  };
  return Object.values(location).some((part) => part !== null) ? location : nameOnly(place);
}

function isAddress(node: JsonRecord): boolean {
  return hasType(node, 'PostalAddress') || 'addressLocality' in node || 'addressRegion' in node;
}

function nameOnly(place: JsonRecord): RawLocation | null {
  const name = asString(place.name);
  return name ? { text: name } : null;
}

/**
 * baseSalary as a MonetaryAmount ({ currency, value: QuantitativeValue { minValue, maxValue,
 * value, unitText } }), as a bare number or text with salaryCurrency beside it, or an
 * estimatedSalary distribution (its median stands for the value).
 */
function salaryOf(node: JsonRecord, property: string, index: NodeIndex): RawSalary | null {
  const amount = first(node[property], index);
  const fallbackCurrency = asString(node.salaryCurrency);
  if (typeof amount === 'number' || typeof amount === 'string') return plainSalary(amount, fallbackCurrency);
  const money = asRecord(amount);
  if (!money) return null;

  const currency = asString(money.currency) ?? fallbackCurrency;
  const rawValue = first(money.value, index);
  const quantity = asRecord(rawValue) ?? money;
  const single = asNumber(asRecord(rawValue) ? quantity.value : rawValue) ?? asNumber(quantity.median);
  const min = asNumber(quantity.minValue) ?? single;
  const max = asNumber(quantity.maxValue) ?? single;
  const unit =
    asString(quantity.unitText) ?? asString(money.unitText) ?? durationUnit(asString(money.duration));
  if (min === null && max === null) {
    const text = asString(rawValue);
    return text ? { text, currency, unit } : null;
  }
  return { min, max, currency, unit };
}

function plainSalary(value: string | number, currency: string | null): RawSalary | null {
  const amount = asNumber(value);
  if (amount !== null) return { min: amount, max: amount, currency, unit: null };
  const text = asString(value);
  return text ? { text, currency } : null;
}

/** ISO 8601 durations used by salary distributions: P1Y is a year, PT1H an hour. */
function durationUnit(duration: string | null): string | null {
  const units: Record<string, string> = { P1Y: 'YEAR', P1M: 'MONTH', P1W: 'WEEK', P1D: 'DAY', PT1H: 'HOUR' };
  return duration ? (units[duration.toUpperCase()] ?? null) : null;
}
