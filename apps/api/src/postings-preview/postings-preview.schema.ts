import { z } from 'zod';

/** POST /api/v1/postings/preview: a pasted posting. */
export const previewSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(300, 'title must be at most 300 characters'),
  description: z.string().max(200_000, 'description must be at most 200,000 characters').default(''),
  format: z.enum(['html', 'text']).optional(),
  employer: z.string().trim().max(200).optional(),
  location: z.string().trim().max(200).optional(),
  employmentType: z.string().trim().max(50).optional(),
});
export type PreviewInput = z.output<typeof previewSchema>;
