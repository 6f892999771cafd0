import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketOf, buildLinksIndex, decodeFilter, firstWord, mayContain, minifyCss } from '../../src/lib/links-index.ts';
import { linksScriptCode } from '../../src/lib/embed.ts';

const TERMS = [
  { slug: 'outsourcing', topic: 'models', names: ['Outsourcing', 'contracting out'] },
  { slug: 'business-process-outsourcing', topic: 'models', names: ['Business process outsourcing', 'BPO'] },
  { slug: 'service-level-agreement', topic: 'contracts', names: ['Service level agreement', 'SLA', 'service-level agreement'] },
];

describe('the links index', () => {
  it('files every name under its first word, in that word’s bucket, with slug and topic', () => {
    const { manifest, buckets } = buildLinksIndex(TERMS);
    expect(buckets).toHaveLength(manifest.b);
    const filter = decodeFilter(manifest);
    for (const term of TERMS) {
      for (const name of term.names) {
        const key = firstWord(name)!;
        expect(mayContain(filter, manifest.k, key), key).toBe(true);
        const entry = buckets[bucketOf(key, manifest.b)]!.find(([slug]) => slug === term.slug);
        expect(entry, name).toBeDefined();
        expect(entry![1]).toBe(term.topic);
        expect(entry!.slice(2)).toContain(name);
      }
    }
    // "service level agreement" and "service-level agreement" share the first word "service".
    expect(firstWord('service-level agreement')).toBe('service');
  });

  it('never misses a name it holds, and rarely claims one it does not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{3,12}$/), { minLength: 1, maxLength: 300 }), (words) => {
        const { manifest } = buildLinksIndex(words.map((w, i) => ({ slug: `t-${i}`, topic: 'models', names: [w] })));
        const filter = decodeFilter(manifest);
        return words.every((w) => mayContain(filter, manifest.k, w));
      }),
    );
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    const { manifest } = buildLinksIndex(words.map((w, i) => ({ slug: `t-${i}`, topic: 'models', names: [w] })));
    const filter = decodeFilter(manifest);
    const false_ = Array.from({ length: 10_000 }, (_, i) => `other${i}`).filter((w) => mayContain(filter, manifest.k, w)).length;
    expect(false_ / 10_000).toBeLessThan(0.03);
  });

  it('grows its bucket count with the names, so buckets stay small', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ slug: `t-${i}`, topic: 'models', names: [`w${i} desk`, `W${i}X`] }));
    const { manifest, buckets } = buildLinksIndex(many);
    expect(manifest.b).toBeGreaterThanOrEqual(2048);
    expect(Math.max(...buckets.map((b) => b.length))).toBeLessThan(40);
  });

  it('minifies the popover stylesheet it carries', () => {
    expect(minifyCss('/* note */\n.b {\n  color: #000;\n  margin: 0 0 8px;\n}\n')).toBe('.b{color:#000;margin:0 0 8px}');
  });
});

describe('the links script tag', () => {
  it('is one async script tag with its options as data- attributes', () => {
    expect(linksScriptCode('https://example.org')).toBe('<script async src="https://example.org/glossary-links.js"></script>');
    expect(linksScriptCode('https://example.org', { max: 5, topics: ['models'], excludeTopics: ['people', 'x"y'], newTab: true })).toBe(
      '<script async src="https://example.org/glossary-links.js" data-max="5" data-topics="models" data-exclude-topics="people,x&quot;y" data-new-tab></script>',
    );
  });
});
