// An audit row says what changed as a field diff: each field whose value differs, before and after.
// Secrets never enter a diff (callers pass what may be shown to an organization's owners).

export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of `after` (and `before`) whose values differ; nested objects compare whole, except one
 * level down when both sides are plain objects (a posting's `fields`), which is diffed as `a.b`.
 */
export function fieldDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldDiff {
  const out: FieldDiff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of [...keys].sort()) {
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (same(from, to)) continue;
    if (isPlain(from) && isPlain(to)) {
      for (const [sub, change] of Object.entries(fieldDiff(from, to))) out[`${key}.${sub}`] = change;
    } else {
      out[key] = { from, to };
    }
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
