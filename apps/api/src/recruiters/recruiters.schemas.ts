import { z } from 'zod';

const email = z
  .email('must be an e-mail address')
  .max(254)
  .transform((e) => e.trim().toLowerCase());
const uuid = (name: string) => z.uuid(`${name} must be a UUID`);

export const signInSchema = z.object({ email });
export const sessionSchema = z.object({ token: z.string().min(1).max(200) });

const website = z
  .url({ protocol: /^https?$/, error: 'must be an http or https address' })
  .max(500)
  .nullish()
  .transform((v) => v ?? null);

export const organizationSchema = z.object({
  name: z.string().trim().min(2, 'name must be at least 2 characters').max(200),
  kind: z.enum(['employer', 'agency']).meta({ description: 'Staffing agencies say so: seekers see it.' }),
  website: website.meta({ description: "The organization's own site: members at its domain verify it." }),
});
export const organizationPatchSchema = organizationSchema.partial();

export const invitationSchema = z.object({
  email,
  role: z.enum(['owner', 'recruiter']).default('recruiter'),
});
export const acceptSchema = z.object({ token: z.string().min(1).max(200) });
export const apiKeySchema = z.object({ name: z.string().trim().min(1, 'name is required').max(100) });

export const orgParams = z.object({ orgId: uuid('orgId') });
export const orgItemParams = z.object({ orgId: uuid('orgId'), id: uuid('id') });
export const auditQuery = z.object({
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'before must be an entry id')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type SignInInput = z.output<typeof signInSchema>;
export type OrganizationInput = z.output<typeof organizationSchema>;
export type OrganizationPatch = z.output<typeof organizationPatchSchema>;
export type InvitationInput = z.output<typeof invitationSchema>;
