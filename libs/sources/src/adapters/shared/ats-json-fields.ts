// Readers for untyped JSON from employer ATS APIs. Their payloads drift (a number where a string was,
// an empty object where a label was), so parsers read each field through these and get a plain value
// or null instead of trusting a declared type.

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A trimmed non-empty string, or null. */
export function asString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An id the source may send as a number or a string. */
export function asId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return asString(value);
}

/** A finite number, also from numeric strings ("45000.0"), which several APIs send. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = asString(value);
  if (text === null) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export function asBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return null;
}

/** Non-empty strings of an array, in order, without duplicates. */
export function asStringList(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    const text = asString(item);
    if (text !== null && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Drops null and undefined values, so `extra` only carries what the source said. */
export function compactRecord(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

/** A posting's record with the two fields every posting needs, or why it must be skipped. */
export type PostingKey =
  | { ok: true; record: JsonRecord; externalId: string; title: string }
  | { ok: false; skip: { externalId: string | null; reason: string } };

export function readPostingKey(
  record: JsonRecord | null,
  externalId: string | null,
  title: string | null,
): PostingKey {
  if (!record) return { ok: false, skip: { externalId, reason: 'posting is not an object' } };
  if (!externalId) return { ok: false, skip: { externalId, reason: 'posting has no id' } };
  if (!title) return { ok: false, skip: { externalId, reason: 'posting has no title' } };
  return { ok: true, record, externalId, title };
}
