import { z } from 'zod';

const reason = z.string().trim().min(3, 'say why in a few words').max(1000);

export const rejectSchema = z.object({ reason });
export const banDomainSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      'must be a domain such as example.com',
    ),
  reason,
});
export const resolveReportSchema = z.object({
  resolution: z.string().trim().min(3).max(1000),
  /** Also take the listing out of search (a recruiter's posting closes as withdrawn). */
  closeListing: z.boolean().default(false),
});
export const idParams = z.object({ id: z.uuid('id must be a UUID') });

export const JOB_REPORT_REASONS = ['scam', 'wrong_info', 'closed', 'offensive', 'other'] as const;
export const jobReportSchema = z.object({
  reason: z.enum(JOB_REPORT_REASONS),
  details: z.string().trim().max(2000).default(''),
  email: z
    .email('must be an e-mail address')
    .max(254)
    .nullish()
    .transform((v) => v ?? null),
});
export type JobReportInput = z.output<typeof jobReportSchema>;
