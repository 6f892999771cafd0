/**
 * Which share images a build draws, from the content tree read at config time: one a term, a
 * guide and a comparison (when share images are on), and always the default image that every
 * other page uses. Their addresses are the ones the pages name in og:image (seo.ts).
 */
import type { ContentTree } from './content-source.ts';
import { comparisonView, type ComparedTerm } from './compare.ts';
import { defaultCard, kindCard } from './og-image.ts';
import type { ShareImageJob } from './og-pool.ts';
import { DEFAULT_OG_IMAGE, ogImagePath } from './seo.ts';

type Tree = Pick<ContentTree, 'terms' | 'articles' | 'glossary'>;

export function shareImageJobs(tree: Tree, site: URL | string | undefined, enabled: boolean): ShareImageJob[] {
  const jobs: ShareImageJob[] = [{ path: DEFAULT_OG_IMAGE, card: defaultCard(site) }];
  if (!enabled) return jobs;
  for (const term of tree.terms) jobs.push({ path: ogImagePath('terms', term.slug), card: kindCard('terms', term.data, site) });
  for (const guide of tree.articles) jobs.push({ path: ogImagePath('guides', guide.slug), card: kindCard('guides', guide.data, site) });
  const bySlug = new Map(tree.terms.map((t) => [t.slug, t]));
  const compared = (slug: string): ComparedTerm => {
    const term = bySlug.get(slug);
    if (!term?.data.profile) throw new Error(`the comparison of "${slug}" needs its term's profile`);
    return { slug, title: term.data.title, summary: term.data.summary, profile: term.data.profile };
  };
  for (const { a, b } of tree.glossary.contrastPairs()) {
    const view = comparisonView(compared(a), compared(b));
    jobs.push({ path: ogImagePath('compare', `${a}-vs-${b}`), card: kindCard('compare', { title: view.title, summary: view.description }, site) });
  }
  return jobs;
}
