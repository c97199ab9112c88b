import { z } from 'zod';
import { isTimeZone } from '#digests';

// The digests API's inputs, validated once (endpointInput) and shared with the pages (parseInput).

export const MAX_SUBSCRIPTIONS_PER_ADDRESS = 20;

const schedule = {
  frequency: z
    .enum(['daily', 'weekly'], { error: 'frequency must be "daily" or "weekly"' })
    .default('daily')
    .meta({ description: 'daily or weekly', example: 'daily' }),
  sendHour: z.coerce
    .number({ error: 'sendHour must be a number' })
    .int('sendHour must be a whole hour')
    .min(0, 'sendHour must be 0-23')
    .max(23, 'sendHour must be 0-23')
    .default(7)
    .meta({ description: 'Hour of the day (0-23) in timeZone at which the digest goes out.', example: 7 }),
  sendWeekday: z.coerce
    .number({ error: 'sendWeekday must be a number' })
    .int('sendWeekday must be 0-6')
    .min(0, 'sendWeekday must be 0 (Sunday) to 6 (Saturday)')
    .max(6, 'sendWeekday must be 0 (Sunday) to 6 (Saturday)')
    .default(1)
    .meta({ description: 'Weekly digests: 0 Sunday .. 6 Saturday (default Monday).', example: 1 }),
  timeZone: z
    .string({ error: 'timeZone must be an IANA time zone such as America/Chicago' })
    .trim()
    .refine(isTimeZone, 'timeZone must be an IANA time zone such as America/Chicago')
    .default('America/New_York')
    .meta({ example: 'America/Chicago' }),
};

export const subscribeSchema = z
  .strictObject({
    email: z
      .string({ error: 'email is required' })
      .trim()
      .max(254, 'email must be at most 254 characters')
      .pipe(z.email({ error: 'email must be an e-mail address such as maria@example.org' }))
      .meta({ example: 'maria.lopez@example.org' }),
    search: z
      .string({ error: 'search must be a /jobs query string' })
      .max(2000, 'search must be at most 2000 characters')
      .optional()
      .meta({
        description: 'A search digest: the /jobs query string whose new results to send.',
        example: 'credential=CPC&workMode=remote&remoteEligibleFor=TX',
      }),
    candidateId: z
      .uuid('candidateId must be a UUID')
      .optional()
      .meta({ description: "A profile digest: the saved profile's id (send its token as Bearer)." }),
    ...schedule,
  })
  .refine((v) => (v.search === undefined) !== (v.candidateId === undefined), {
    message: 'give either search or candidateId',
    path: ['search'],
  });

export type SubscribeInput = z.output<typeof subscribeSchema>;

export const scheduleSchema = z.strictObject(schedule);
export type ScheduleInput = z.output<typeof scheduleSchema>;

export const tokenParams = z.object({
  token: z.string().min(10, 'token is not valid').max(200, 'token is not valid'),
});

export const manageParams = tokenParams.extend({ id: z.uuid('id must be a UUID') });

export const suppressionSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'email must be an e-mail address' })),
  type: z.enum(['bounce', 'complaint'], { error: 'type must be "bounce" or "complaint"' }),
});
