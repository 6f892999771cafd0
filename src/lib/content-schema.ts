/**
 * The shape of glossary content. This module is the only place that knows what a term or a
 * guide holds: the Astro content collections use these schemas, and so does the config-time
 * reader in `content-source.ts` that feeds the cross-link plugin.
 */
import { z } from 'zod';
import { STOP_WORDS } from './stop-words.ts';
import { SOURCE_RULES, urlProblem } from './url-policy.ts';

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
/** Limits that keep one careless file from making a page unusable (or enormous). */
export const LIMITS = {
  termTitle: 80,
  guideTitle: 100,
  aliases: 12,
  alias: 60,
  sources: 12,
  sourceText: 200,
  related: 12,
  contrasts: 6,
  guideTerms: 24,
  /** Body sizes in bytes (the largest guide is about 7 KB, the largest term about 3 KB). */
  termBody: 40 * 1024,
  guideBody: 120 * 1024,
} as const;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG_PATTERN, 'must be a lowercase hyphenated slug such as "out-tasking"');

const source = z
  .object({
    title: z.string().trim().min(1, 'a source needs a title').max(LIMITS.sourceText, `a source title must be at most ${LIMITS.sourceText} characters`),
    url: z
      .string({ error: 'must be a full URL' })
      .superRefine((url, ctx) => {
        const problem = urlProblem(url, SOURCE_RULES);
        if (problem) ctx.addIssue({ code: 'custom', message: `must be a full http(s) URL: ${problem}` });
      })
      .optional(),
    publication: z.string().trim().min(1).max(LIMITS.sourceText, `a publication must be at most ${LIMITS.sourceText} characters`).optional(),
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

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date a YYYY-MM-DD text names, or undefined if there is no such day (2026-02-30). */
export function calendarDate(text: string): Date | undefined {
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}

/**
 * The build date as YYYY-MM-DD: the local date, or GLOSSARY_BUILD_DATE when set (for tests
 * and for reproducing a past build).
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  const override = env.GLOSSARY_BUILD_DATE?.trim();
  if (override) {
    if (!calendarDate(override)) throw new Error(`GLOSSARY_BUILD_DATE must be a date written YYYY-MM-DD, not "${override}"`);
    return override;
  }
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * `updated`: a real calendar date written YYYY-MM-DD, not after the build date. The content
 * readers keep the text as written (so 2026-13-45 is refused, not rolled over into 2027);
 * Astro's own YAML reader hands over a Date, which is accepted only at midnight UTC.
 */
const updated = z.unknown().transform((value, ctx) => {
  if (value === undefined || value === null) {
    ctx.addIssue({ code: 'custom', message: 'updated is required: the date of the last change, written YYYY-MM-DD' });
    return z.NEVER;
  }
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : typeof value === 'string' ? value.trim() : '';
  const dateText = value instanceof Date && text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : text;
  const date = calendarDate(dateText);
  if (!date) {
    const shown = value instanceof Date ? text || 'an invalid date' : JSON.stringify(value) ?? String(value);
    ctx.addIssue({ code: 'custom', message: `updated must be a real calendar date written YYYY-MM-DD, such as 2026-11-01 (not ${shown})` });
    return z.NEVER;
  }
  const today = buildDate();
  if (dateText > today) {
    ctx.addIssue({ code: 'custom', message: `updated is ${dateText}, after the build date ${today}: use the date of the last change` });
    return z.NEVER;
  }
  return date;
});

/** White space and characters that draw nothing (zero-width spaces, joiners, BOM, soft hyphen...). */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]/gu;
export const visibleText = (text: string): string => text.replace(INVISIBLE, '');

const title = (max: number) =>
  z
    .string({ error: 'title is required' })
    .trim()
    .refine((t) => visibleText(t).length > 0, 'title is required: it has no visible characters')
    .refine((t) => [...t].length <= max, `title must be at most ${max} characters`);

const alias = z
  .string({ error: 'each alias must be text' })
  .trim()
  .superRefine((name, ctx) => {
    const chars = [...visibleText(name)].length;
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (chars === 0) return fail('an alias needs visible characters');
    if ([...name].length > LIMITS.alias) return fail(`"${name.slice(0, 20)}…" is longer than ${LIMITS.alias} characters`);
    if (chars < 2) return fail(`"${name}" is too short: an alias needs at least two characters`);
    if (chars === 2 && !/^(?=.*\p{Lu})[\p{Lu}\p{N}]{2}$/u.test(name)) {
      return fail(`"${name}": a two-character alias must be an abbreviation in capitals, such as VA or HR`);
    }
    if (STOP_WORDS.has(name.toLowerCase())) {
      return fail(`"${name}" is a common word: as an alias it would link every "${name}" on the site`);
    }
  });

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
    title: title(LIMITS.termTitle),
    aliases: z.array(alias).max(LIMITS.aliases, `at most ${LIMITS.aliases} aliases`).default([]),
    summary,
    topic: z.enum(TOPICS, { error: `topic must be one of: ${TOPICS.join(', ')}` }),
    related: z.array(slug).max(LIMITS.related, `at most ${LIMITS.related} related terms`).default([]),
    contrasts: z.array(slug).max(LIMITS.contrasts, `at most ${LIMITS.contrasts} contrasts`).default([]),
    sources: z.array(source).min(1, 'at least one source is required').max(LIMITS.sources, `at most ${LIMITS.sources} sources`),
    updated,
    takeaways: z
      .array(
        z.string().trim().min(10, 'each takeaway needs at least 10 characters').max(TAKEAWAY_MAX, `each takeaway must be at most ${TAKEAWAY_MAX} characters`),
        { error: 'takeaways is required: two to four short points, each at most 120 characters' },
      )
      .min(2, 'takeaways needs two to four points')
      .max(4, 'takeaways needs two to four points'),
    featured: z.boolean().default(false),
    profile: profileSchema.optional(),
    /** Former slugs of this term: /terms/<old>/ answers 301 to this term's page (src/lib/redirects.ts). */
    redirectFrom: z.array(slug).max(LIMITS.aliases, `at most ${LIMITS.aliases} former slugs`).default([]),
  })
  .strict();

export const articleSchema = z
  .object({
    title: title(LIMITS.guideTitle),
    summary,
    order: z.number().int().nonnegative().default(100),
    terms: z.array(slug).max(LIMITS.guideTerms, `at most ${LIMITS.guideTerms} terms`).default([]),
    sources: z.array(source).max(LIMITS.sources, `at most ${LIMITS.sources} sources`).default([]),
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
