/**
 * The shape of glossary content. This module is the only place that knows what a term or a
 * guide holds: the Astro content collections use these schemas, and so does the config-time
 * reader in `content-source.ts` that feeds the cross-link plugin.
 */
import { z } from 'zod';

export const TOPICS = ['models', 'people', 'operations', 'contracts', 'economics', 'work-at-home'] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
  models: 'Sourcing models',
  people: 'People and roles',
  operations: 'Operations',
  contracts: 'Contracts and agreements',
  economics: 'Economics of outsourcing',
  'work-at-home': 'Work at home',
};

export const TOPIC_BLURBS: Record<Topic, string> = {
  models: 'Ways of getting work done outside your own team, and where that work happens.',
  people: 'Who does the work: contractors, assistants, freelancers and employees.',
  operations: 'The functions that get handed off, and how to hand them off well.',
  contracts: 'The documents and arrangements that set out who delivers what.',
  economics: 'Costs, prices and the value of your own time.',
  'work-at-home': 'Remote and home-based work, from the worker’s side and the buyer’s.',
};

export const SUMMARY_MAX = 160;
export const TAKEAWAY_MAX = 120;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG_PATTERN, 'must be a lowercase hyphenated slug such as "out-tasking"');

const source = z
  .object({
    title: z.string().min(1, 'a source needs a title'),
    url: z.url('must be a full URL').optional(),
    publication: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.publication !== undefined, {
    message: 'a source needs a url or a publication',
  });

const summary = z
  .string({ error: 'summary is required: one plain sentence' })
  .trim()
  .min(20, 'summary is too short to stand alone (at least 20 characters)')
  .max(SUMMARY_MAX, `summary must be at most ${SUMMARY_MAX} characters`);

const updated = z.coerce.date({ error: 'updated must be a date such as 2026-11-01' });

const profileLine = (what: string) => z.string().trim().min(3, `${what} is required`).max(200, `${what} must be at most 200 characters`);

/** How a term compares on the axes every comparison page shows. Required for terms in a contrast pair. */
export const profileSchema = z
  .object({
    who: profileLine('profile.who (who does the work)'),
    where: profileLine('profile.where (where the work is done)'),
    duration: profileLine('profile.duration (for how long)'),
    cost: profileLine('profile.cost (typical cost)'),
    choose: profileLine('profile.choose (when to choose it)'),
  })
  .strict();

export const termSchema = z
  .object({
    title: z.string({ error: 'title is required' }).trim().min(1, 'title is required'),
    aliases: z.array(z.string().trim().min(1)).default([]),
    summary,
    topic: z.enum(TOPICS, { error: `topic must be one of: ${TOPICS.join(', ')}` }),
    related: z.array(slug).default([]),
    contrasts: z.array(slug).default([]),
    sources: z.array(source).min(1, 'at least one source is required'),
    updated,
    takeaways: z
      .array(z.string().trim().min(10, 'each takeaway needs at least 10 characters').max(TAKEAWAY_MAX, `each takeaway must be at most ${TAKEAWAY_MAX} characters`))
      .min(2, 'takeaways needs two to four points')
      .max(4, 'takeaways needs two to four points')
      .optional(),
    featured: z.boolean().default(false),
    profile: profileSchema.optional(),
    /** Old slugs of this term: /terms/<old>/ redirects here (src/lib/redirects.ts). */
    redirectFrom: z.array(slug).default([]),
  })
  .strict();

export const articleSchema = z
  .object({
    title: z.string({ error: 'title is required' }).trim().min(1, 'title is required'),
    summary,
    order: z.number().int().nonnegative().default(100),
    terms: z.array(slug).default([]),
    sources: z.array(source).default([]),
    updated,
  })
  .strict();

export type TermData = z.infer<typeof termSchema>;
export type TermProfile = z.infer<typeof profileSchema>;
export type ArticleData = z.infer<typeof articleSchema>;

/** Turns a Zod error into one line per problem, each naming the file and the field. */
export function describeSchemaError(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: field "${issue.path.join('.') || '(frontmatter)'}": ${issue.message}`)
    .join('\n');
}
