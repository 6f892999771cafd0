/**
 * Thin access to the content collections, sorted the way every page lists them.
 * Pages use these instead of calling getCollection themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Topic } from '../lib/content-schema.ts';

export type TermEntry = CollectionEntry<'terms'>;
export type ArticleEntry = CollectionEntry<'articles'>;

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) =>
  a.data.title.localeCompare(b.data.title, 'en', { sensitivity: 'base' });

let termsPromise: Promise<TermEntry[]> | undefined;
let articlesPromise: Promise<ArticleEntry[]> | undefined;

export function allTerms(): Promise<TermEntry[]> {
  termsPromise ??= getCollection('terms').then((terms) => terms.sort(byTitle));
  return termsPromise;
}

export function allArticles(): Promise<ArticleEntry[]> {
  articlesPromise ??= getCollection('articles').then((articles) =>
    articles.sort((a, b) => a.data.order - b.data.order || byTitle(a, b)),
  );
  return articlesPromise;
}

/** getStaticPaths for pages with one page per term (/terms/<slug>/, /embed/<slug>/). */
export async function termPaths() {
  return (await allTerms()).map((term) => ({ params: { slug: term.id }, props: { term } }));
}

let bySlugPromise: Promise<Map<string, TermEntry>> | undefined;
export function termsBySlug(): Promise<Map<string, TermEntry>> {
  bySlugPromise ??= allTerms().then((terms) => new Map(terms.map((t) => [t.id, t])));
  return bySlugPromise;
}

/** Entries for the given slugs, in that order, skipping unknown ones. */
export async function termsFor(slugs: readonly string[]): Promise<TermEntry[]> {
  const bySlug = await termsBySlug();
  return slugs.flatMap((slug) => {
    const t = bySlug.get(slug);
    return t ? [t] : [];
  });
}

export async function termsInTopic(topic: Topic): Promise<TermEntry[]> {
  return (await allTerms()).filter((t) => t.data.topic === topic);
}
