// Share image of each comparison page, /og/compare/<a>-vs-<b>.png. None when OG_IMAGES=off.
import type { APIRoute, GetStaticPaths } from 'astro';
import { termsBySlug } from '../../../data/collections.ts';
import { glossary } from '../../../data/term-graph.ts';
import { comparisonView } from '../../../lib/compare.ts';
import { kindCard } from '../../../lib/og-image.ts';
import { ogImageResponse } from '../../../lib/og-cache.ts';
import { ogImagesEnabled } from '../../../lib/seo.ts';

export const getStaticPaths = (async () => {
  if (!ogImagesEnabled()) return [];
  const [graph, bySlug] = await Promise.all([glossary(), termsBySlug()]);
  return graph.contrastPairs().map(({ a, b }) => {
    const [x, y] = [bySlug.get(a)!, bySlug.get(b)!].map((t) => ({ slug: t.id, title: t.data.title, summary: t.data.summary, profile: t.data.profile! }));
    const view = comparisonView(x!, y!);
    return { params: { slug: `${a}-vs-${b}` }, props: { title: view.title, summary: view.description } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ title: string; summary: string }> = ({ props, site }) => ogImageResponse(kindCard('compare', props, site));
