import { z } from 'zod';
import { candidateProfileSchema } from '#matching';

/** Matches are ranked from a bounded pool; paging stops here. */
export const MAX_MATCH_RESULTS = 100;

const limit = z.coerce
  .number({ error: 'limit must be a number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be at least 1')
  .max(100, 'limit must be at most 100')
  .default(20);
const offset = z.coerce
  .number({ error: 'offset must be a number' })
  .int('offset must be a whole number')
  .min(0, 'offset must be 0 or more')
  .max(MAX_MATCH_RESULTS, `offset must be at most ${MAX_MATCH_RESULTS}`)
  .optional();
const cursor = z.string({ error: 'cursor must be a string' }).max(64, 'cursor is too long').optional();

const paging = {
  limit,
  offset,
  cursor,
};

/** POST /api/v1/matches */
export const matchRequestSchema = z.strictObject({
  profile: candidateProfileSchema,
  stretch: z.boolean({ error: 'stretch must be true or false' }).default(false),
  ...paging,
});
export type MatchRequest = z.output<typeof matchRequestSchema>;

/** GET /api/v1/candidates/:id/matches */
export const candidateMatchesQuerySchema = z.strictObject({
  stretch: z
    .enum(['true', 'false', '1', '0'], { error: 'stretch must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .default(false)
    .meta({ example: false }),
  // What the OpenAPI document shows of each parameter.
  limit: limit.meta({ example: 20 }),
  offset: offset.meta({ example: 0 }),
  cursor: cursor.meta({ description: 'nextCursor of the previous page, unchanged.' }),
});
export type CandidateMatchesQuery = z.output<typeof candidateMatchesQuerySchema>;

/** The cursor of a match page is the offset of the next one, opaque to clients. */
export function encodeMatchCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeMatchCursor(raw: string): number | null {
  try {
    const o = (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o?: unknown }).o;
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= MAX_MATCH_RESULTS ? o : null;
  } catch {
    return null;
  }
}
