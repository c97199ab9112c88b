import { z } from 'zod';
import { fieldSelectorProblem } from './html.selector';

/** A field selector: CSS with an optional "@attribute" suffix (see html.selector.ts). */
const field = z
  .string()
  .trim()
  .superRefine((spec, ctx) => {
    const problem = fieldSelectorProblem(spec);
    if (problem) ctx.addIssue({ code: 'custom', message: `selector ${problem}` });
  });

/** A plain CSS selector, for the elements fields are read from. */
const elements = z
  .string()
  .trim()
  .superRefine((spec, ctx) => {
    const problem = fieldSelectorProblem(spec, { attributeAllowed: false });
    if (problem) ctx.addIssue({ code: 'custom', message: `selector ${problem}` });
  });

const listSchema = z.object({
  /** Each job on a list page, e.g. "li.job" or "table.openings tbody tr". */
  item: elements,
  /** Inside an item. Required unless a detail section is configured (the detail page then has it). */
  title: field.optional(),
  /** The job's page, e.g. "a.title@href"; relative links are resolved against the list page. */
  url: field,
  /** The source's id for the job, e.g. "@data-job-id"; the absolute job URL otherwise. */
  id: field.optional(),
  location: field.optional(),
  postedAt: field.optional(),
  employmentType: field.optional(),
  salary: field.optional(),
  department: field.optional(),
});

const detailSchema = z.object({
  /** The job description, read as HTML. */
  description: field,
  title: field.default('h1'),
  /** The source's id on the detail page; the page URL otherwise. */
  id: field.optional(),
  location: field.optional(),
  postedAt: field.optional(),
  employmentType: field.optional(),
  salary: field.optional(),
  department: field.optional(),
});

/** Fields that only a list item can give when detail pages are not read. */
const LIST_ONLY_FIELDS = [
  'title',
  'id',
  'location',
  'postedAt',
  'employmentType',
  'salary',
  'department',
] as const;

export const htmlConfigSchema = z
  .object({
    /** The first list page. */
    url: z.url({ protocol: /^https?$/ }),
    /** The employer of every job (a career site names it nowhere on the page, usually). */
    employerName: z.string().trim().min(1).optional(),
    list: listSchema,
    /** The next list page's link, e.g. "a[rel=next]@href". */
    next: field.optional(),
    /** List pages read per run; a run that stops here with a next link left is partial. */
    maxPages: z.int().min(1).max(200).default(10),
    /** When set, every job's page is fetched and is the posting; list pages only give the links. */
    detail: detailSchema.optional(),
    /** Detail pages read per run; a run that has more is partial. */
    maxDetails: z.int().min(1).max(5000).default(300),
  })
  .superRefine((config, ctx) => {
    if (!config.detail && !config.list.title) {
      ctx.addIssue({
        code: 'custom',
        path: ['list', 'title'],
        message: 'list.title is required without a detail section',
      });
    }
    if (!config.detail) return;
    // With detail pages, list items are only links: a list field would be silently ignored.
    for (const name of LIST_ONLY_FIELDS) {
      if (config.list[name] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['list', name],
          message: `list.${name} is not read when detail pages are; use detail.${name}`,
        });
      }
    }
  });

export type HtmlConfig = z.infer<typeof htmlConfigSchema>;
export type HtmlListConfig = HtmlConfig['list'];
export type HtmlDetailConfig = NonNullable<HtmlConfig['detail']>;
