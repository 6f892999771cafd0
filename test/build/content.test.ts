import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { TOPICS } from '../../src/lib/content-schema.ts';
import { loadGlossary } from '../../src/lib/glossary-source.ts';
import { builtPage } from '../support/dist.ts';

// The real content, read with the same schema and graph checks as the build: a missing field,
// an over-long summary or an unknown related/contrasts slug throws here, naming file and field.
const { files, glossary } = loadGlossary('content');
const guides = readdirSync('content/articles').filter((f) => f.endsWith('.mdx'));

describe('the glossary content', () => {
  it('has at least 40 terms and the 8 guides', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(guides.sort()).toEqual([
      'contractor-or-employee.mdx',
      'hiring-your-first-virtual-assistant.mdx',
      'how-to-delegate-well.mdx',
      'outsourcing-contracts-in-plain-words.mdx',
      'outsourcing-offshoring-homeshoring-bpo.mdx',
      'outsourcing-or-out-tasking.mdx',
      'what-is-your-hour-worth.mdx',
      'what-outsourcing-is.mdx',
    ]);
  });

  it('gives every term two to four takeaways', () => {
    const missing = files.filter((f) => !f.data.takeaways || f.data.takeaways.length < 2 || f.data.takeaways.length > 4).map((f) => f.file);
    expect(missing).toEqual([]);
  });

  it('labels legal, tax and employment terms with how the rules differ by country', () => {
    for (const slug of ['employee', 'independent-contractor', 'contingent-worker', 'freelancer', 'gig-economy', 'work-at-home-job']) {
      const file = files.find((f) => f.slug === slug)!;
      expect(file.body, `${file.file}: "Where the rules differ"`).toMatch(/^## Where the rules differ$/m);
      for (const place of ['US', 'UK', 'EU', 'Australia']) expect(file.body, `${file.file}: ${place}`).toContain(`**${place}:**`);
    }
  });

  it('has terms in every topic', () => {
    const empty = TOPICS.filter((topic) => !files.some((f) => f.data.topic === topic));
    expect(empty).toEqual([]);
  });

  it('covers the source concepts and the field terms by slug or alias', () => {
    const names = new Set([...glossary.terms.values()].flatMap((t) => [t.slug, ...t.names.map((n) => n.toLowerCase())]));
    for (const concept of [
      'outsourcing', 'out-tasking', 'independent-contractor', 'employee', 'virtual-assistant', 'bpo', 'back-office', 'front-office',
      'call-center', 'offshoring', 'homeshoring', 'homesourcing', 'hourly-worth', 'low-value-task', 'freelance-marketplace',
      'nearshoring', 'onshoring', 'reshoring', 'insourcing', 'knowledge-process-outsourcing', 'it-outsourcing', 'managed-services',
      'staff-augmentation', 'freelancer', 'retainer', 'statement-of-work', 'service-level-agreement', 'standard-operating-procedure',
      'labour-arbitrage', 'labour arbitrage', 'global capability center', 'core-competency', 'opportunity-cost', 'delegation', 'remote-work', 'gig-economy',
    ]) {
      expect(names, concept).toContain(concept);
    }
    for (const pair of [['offshoring', 'outsourcing'], ['out-tasking', 'outsourcing'], ['homeshoring', 'offshoring'], ['employee', 'independent-contractor'], ['business-process-outsourcing', 'outsourcing']]) {
      expect(glossary.contrastPairs().map((p) => `${p.a}|${p.b}`)).toContain(pair.join('|'));
    }
  });

  it.each(files.map((f) => [f.slug, f] as const))('%s has a definition, an example and its contrasts explained', (_slug, file) => {
    const [definition] = file.body.trim().split(/\n#/);
    expect(definition!.trim().length, `${file.file}: definition`).toBeGreaterThan(80);
    expect(file.body, `${file.file}: "In practice"`).toMatch(/^## In practice$/m);
    if (file.data.contrasts.length > 0) expect(file.body, `${file.file}: "Not to be confused with"`).toMatch(/^## Not to be confused with$/m);
  });

  it.each(files.map((f) => [f.slug, f] as const))('%s: its page shows summary, definition, example, related terms and sources', (slug, file) => {
    const { root } = builtPage(`/terms/${slug}/`);
    expect(root.querySelector('.term-summary')?.text).toBe(file.data.summary);
    expect(root.querySelector('.prose p')?.text.length).toBeGreaterThan(80);
    expect(root.querySelector('.prose h2#in-practice')).not.toBeNull();
    if (file.data.related.length) expect(root.querySelectorAll('#related-heading ~ .term-list li > a').map((a) => a.getAttribute('href'))).toEqual(file.data.related.map((s) => `/terms/${s}/`));
    expect(root.querySelectorAll('#sources-heading ~ ul li')).toHaveLength(file.data.sources.length);
  });
});
