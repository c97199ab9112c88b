import { asArray, asNumber, asRecord, asString, type JsonRecord } from '../shared/ats-json-fields';

// JSON-LD lets nearly every property be a value, an object, an array of either, or a reference
// ({ "@id": "#org" }) to a node elsewhere in the page. These helpers read through all four.

export type NodeIndex = ReadonlyMap<string, JsonRecord>;

/** The node a reference points to, or the value itself. */
export function deref(value: unknown, index: NodeIndex): unknown {
  const record = asRecord(value);
  if (!record) return value;
  const id = asString(record['@id']);
  if (id && index.has(id) && Object.keys(record).every((key) => key === '@id' || key === '@type')) {
    return index.get(id);
  }
  return value;
}

/** A property as a list of dereferenced values (a single value becomes a list of one). */
export function values(value: unknown, index: NodeIndex): unknown[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => deref(item, index));
}

/** The first dereferenced value of a property. */
export function first(value: unknown, index: NodeIndex): unknown {
  return values(value, index)[0];
}

/** Local type names of a node: "JobPosting", "schema:JobPosting" and "https://schema.org/JobPosting" alike. */
export function typesOf(node: JsonRecord): string[] {
  return asArray(Array.isArray(node['@type']) ? node['@type'] : [node['@type']])
    .map((type) => asString(type))
    .filter((type): type is string => type !== null)
    .map((type) => type.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ''));
}

export function hasType(node: JsonRecord, type: string): boolean {
  return typesOf(node).includes(type);
}

/** A name for a value that may be text or a node with a name ("Texas", { "@type": "State", "name": "Texas" }). */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  const text = asString(value);
  if (text !== null) return text;
  const node = asRecord(value);
  return node ? (asString(node.name) ?? asString(node['@value'])) : null;
}

/**
 * Readable text for a requirement-like value: plain text as is, and the structured forms schema.org
 * offers (EducationalOccupationalCredential, OccupationalExperienceRequirements, CategoryCode)
 * reduced to what a person would write ("CPC - certification", "24 months of experience").
 */
export function describe(value: unknown, index: NodeIndex): string | null {
  if (typeof value === 'string' || typeof value === 'number') return nameOf(value);
  const node = asRecord(deref(value, index));
  if (!node) return null;
  const months = asNumber(node.monthsOfExperience);
  if (months !== null) return `${months} months of experience`;
  const parts = [
    nameOf(node.codeValue),
    nameOf(node.name),
    nameOf(node.credentialCategory),
    nameOf(node.educationalLevel),
    nameOf(node.about),
    asString(node.description),
  ].filter((part): part is string => part !== null);
  const unique = parts.filter((part, i) => parts.indexOf(part) === i);
  return unique.length > 0 ? unique.join(' - ') : null;
}

/** describe() over every value of a property: one string, a list, or null. */
export function describeAll(value: unknown, index: NodeIndex): string | string[] | null {
  const texts = values(value, index)
    .map((item) => describe(item, index))
    .filter((text): text is string => text !== null);
  if (texts.length === 0) return null;
  return texts.length === 1 ? texts[0] : texts;
}
