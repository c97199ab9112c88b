import type { ZodType } from 'zod';
import { ApiError } from './api-error';

/**
 * Validates a body, query or params object; errors name the field with its place
 * ("body.minPay.amount", "query.limit").
 */
export function parseInput<T>(schema: ZodType<T>, input: unknown, place: 'body' | 'query' | 'params'): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({
    field: [place, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new ApiError('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
}
