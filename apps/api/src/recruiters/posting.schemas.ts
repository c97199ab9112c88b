import { z } from 'zod';
import { CLOSE_REASONS, postingFormSchema } from '#recruiting';

export const createPostingSchema = z.object({
  posting: postingFormSchema,
  /** Send it on at once: published for a verified organization, to review otherwise. */
  submit: z.boolean().default(false),
});
export const updatePostingSchema = z.object({
  posting: postingFormSchema,
  /** The version read: a posting changed meanwhile answers 409 instead of being overwritten. */
  version: z.number().int().min(1),
});
export const previewPostingSchema = z.object({ posting: postingFormSchema });
export const closePostingSchema = z.object({ reason: z.enum(CLOSE_REASONS) });
export const statsQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(90) });

export type CreatePostingInput = z.output<typeof createPostingSchema>;
export type UpdatePostingInput = z.output<typeof updatePostingSchema>;
