/**
 * Writes a synthetic glossary of N terms and a few guides into a temporary folder, shaped like
 * content/ (same frontmatter, cross-mentions, contrasts with profiles), for benchmarks. Never
 * written inside the repository.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dri', 'pel', 'nu', 'sor', 'gim', 'bel', 'tra', 'quin', 'zo', 'fen'];
const NOUNS = ['ledger', 'handoff', 'contract', 'desk', 'service', 'queue', 'workflow', 'retainer', 'roster', 'audit', 'sourcing', 'support'];
const FILLER = [
  'A small business can hand this work to an outside team and keep its own people on the tasks that grow sales.',
  'The arrangement usually starts with a short written description of the process and a trial week.',
  'Prices are quoted by the hour or by the month, and the provider brings its own tools and software.',
  'Owners who track their time often find that routine admin eats most of the week.',
  'The main risk is a vague brief: the clearer the steps, the better the result.',
];

/** A small deterministic generator, so runs are comparable. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

export interface SyntheticOptions {
  terms: number;
  guides?: number;
  seed?: number;
}

export function writeSyntheticContent({ terms, guides = 10, seed = 42 }: SyntheticOptions): string {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const dir = mkdtempSync(join(tmpdir(), `glossary-synthetic-${terms}-`));
  mkdirSync(join(dir, 'terms'));
  mkdirSync(join(dir, 'articles'));

  const word = (i: number) => {
    let out = '';
    let n = i + 1;
    while (n > 0) {
      out += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    }
    return out;
  };
  const items = Array.from({ length: terms }, (_, i) => {
    const head = word(i);
    return { slug: `${head}-${NOUNS[i % NOUNS.length]}`, title: `${head[0]!.toUpperCase()}${head.slice(1)} ${NOUNS[i % NOUNS.length]}`, alias: `${head.toUpperCase()}X` };
  });
  const topics = ['models', 'people', 'operations', 'contracts', 'economics', 'work-at-home'];

  items.forEach((item, i) => {
    const others = () => items[Math.floor(rand() * terms)]!;
    const related = [...new Set([others(), others(), others()].map((o) => o.slug))].filter((s) => s !== item.slug);
    // Pair neighbours as contrasts: 2i with 2i+1.
    const partner = i % 2 === 0 ? items[i + 1] : items[i - 1];
    const contrasts = partner ? [partner.slug] : [];
    const mentions = [others(), others(), others(), others()].filter((o) => o.slug !== item.slug);
    const body = [
      `${item.title} is a way of working that ${pick(FILLER).toLowerCase()} It is often discussed next to ${mentions[0]?.title ?? 'other terms'}.`,
      '',
      '## In practice',
      '',
      `${pick(FILLER)} A bookkeeper might combine it with ${mentions[1]?.title ?? 'a retainer'} and ${mentions[2]?.title ?? 'a checklist'}. ${pick(FILLER)}`,
      '',
      ...(partner ? ['## Not to be confused with', '', `${partner.title} differs in who does the work and for how long.`] : []),
    ].join('\n');
    const profile = partner
      ? `profile:\n  who: an outside team\n  where: anywhere\n  duration: months\n  cost: a monthly fee\n  choose: the work repeats every week.\n`
      : '';
    writeFileSync(
      join(dir, 'terms', `${item.slug}.mdx`),
      `---\ntitle: ${item.title}\naliases: [${item.alias}]\nsummary: ${item.title} explained in one plain sentence for a synthetic benchmark glossary.\ntopic: ${topics[i % topics.length]}\ntakeaways:\n  - ${item.title} in one short synthetic point.\n  - A second synthetic point about ${item.title}.\nrelated: [${related.join(', ')}]\ncontrasts: [${contrasts.join(', ')}]\n${profile}sources:\n  - title: Synthetic source\n    publication: Benchmark generator\nupdated: 2026-01-01\n---\n\n${body}\n`,
    );
  });

  for (let g = 0; g < guides; g++) {
    const mentioned = Array.from({ length: 12 }, () => items[Math.floor(rand() * terms)]!.title);
    writeFileSync(
      join(dir, 'articles', `guide-${g + 1}.mdx`),
      `---\ntitle: Synthetic guide ${g + 1}\nsummary: A synthetic guide that mentions a dozen terms, for the build benchmark.\norder: ${g + 1}\nupdated: 2026-01-01\n---\n\n${mentioned.map((m) => `## About ${m}\n\n${pick(FILLER)} ${m} fits when ${pick(FILLER).toLowerCase()}`).join('\n\n')}\n`,
    );
  }
  return dir;
}
