import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { planRedirects, redirectPage, RedirectError, slugify, type RedirectSource } from '../../src/lib/redirects.ts';

const term = (slug: string, aliases: string[] = [], redirectFrom: string[] = []): RedirectSource => ({
  slug,
  file: `content/terms/${slug}.mdx`,
  title: slug[0]!.toUpperCase() + slug.slice(1).replace(/-/g, ' '),
  aliases,
  redirectFrom,
});

describe('slugify', () => {
  it.each([
    ['BPO', 'bpo'],
    ['call centre', 'call-centre'],
    ['T&M', 't-m'],
    ['Café  crème', 'cafe-creme'],
    ['home-shoring', 'home-shoring'],
    ['  --x--  ', 'x'],
    ['&&', ''],
  ])('%s -> %s', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('planRedirects', () => {
  it('redirects every alias and old slug to its term', () => {
    const plan = planRedirects([term('homeshoring', ['homesourcing', 'home-shoring'], ['home-working']), term('business-process-outsourcing', ['BPO', 'T&M'])]);
    expect(plan.map((r) => [r.from, r.to])).toEqual([
      ['bpo', 'business-process-outsourcing'],
      ['home-shoring', 'homeshoring'],
      ['home-working', 'homeshoring'],
      ['homesourcing', 'homeshoring'],
      ['t-m', 'business-process-outsourcing'],
    ]);
  });

  it('skips names that land on the term itself, on nothing, or twice on one address of the same term', () => {
    const plan = planRedirects([term('offshoring', ['Offshoring!', '&&', 'off shoring', 'off-shoring'])]);
    expect(plan.map((r) => r.from)).toEqual(['off-shoring']);
  });

  it('fails on an alias that is another term\'s page, naming both files', () => {
    expect(() => planRedirects([term('outsourcing', ['offshoring']), term('offshoring')])).toThrow(
      /content\/terms\/outsourcing\.mdx: field "aliases": alias "offshoring" would redirect \/terms\/offshoring\/, which is the page of content\/terms\/offshoring\.mdx/,
    );
  });

  it('fails on one address claimed by two terms, naming both files', () => {
    const attempt = () => planRedirects([term('call-center', ['call centre']), term('contact-center', [], ['call-centre'])]);
    expect(attempt).toThrow(RedirectError);
    expect(attempt).toThrow(/content\/terms\/contact-center\.mdx: field "redirectFrom": .*\/terms\/call-centre\/, already claimed by content\/terms\/call-center\.mdx/);
  });
});

describe('the redirect page and _redirects', () => {
  const [redirect] = planRedirects([term('homeshoring', ['homesourcing'])]);

  it('the page sends readers on, stays out of search engines and names the term as canonical', () => {
    const html = redirectPage(redirect!, 'https://glossary.example.com/');
    const root = parse(html);
    expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://glossary.example.com/terms/homeshoring/');
    expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/terms/homeshoring/');
    expect(root.querySelector('main a')?.getAttribute('href')).toBe('/terms/homeshoring/');
    expect(root.querySelector('main a')?.text).toBe('Homeshoring');
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(html).not.toMatch(/<script|<style|style=/);
  });

  it('escapes the title', () => {
    const html = redirectPage({ from: 'x', to: 'y', title: '<b>"T&M"</b>', reason: '' }, 'https://a.example/');
    expect(html).toContain('&lt;b&gt;&quot;T&amp;M&quot;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});
