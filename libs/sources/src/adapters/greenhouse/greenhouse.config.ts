import { z } from 'zod';

export const greenhouseConfigSchema = z.object({
  /** The board's token, as in boards.greenhouse.io/{boardToken}. */
  boardToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'a Greenhouse board token has only letters, digits, _ and -'),
  /** Overrides the company name the board reports. */
  employerName: z.string().min(1).optional(),
  /** The Job Board API host; tests point it at a local server. */
  baseUrl: z.url().default('https://boards-api.greenhouse.io'),
});

export type GreenhouseConfig = z.infer<typeof greenhouseConfigSchema>;

/** One request returns the whole board: descriptions with content=true, pay ranges with pay_transparency. */
export function greenhouseJobsUrl(config: GreenhouseConfig): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  return `${base}/v1/boards/${encodeURIComponent(config.boardToken)}/jobs?content=true&pay_transparency=true`;
}

/** What parse reads: a saved board needs no board token; the board names its company itself. */
export const greenhouseParseConfigSchema = greenhouseConfigSchema.pick({ employerName: true });

export type GreenhouseParseConfig = z.infer<typeof greenhouseParseConfigSchema>;
