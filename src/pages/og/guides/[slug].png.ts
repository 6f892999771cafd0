// Share image of each guide, /og/guides/<slug>.png. None when OG_IMAGES=off.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles } from '../../../data/collections.ts';
import { kindCard } from '../../../lib/og-image.ts';
import { ogImageResponse } from '../../../lib/og-cache.ts';
import { ogImagesEnabled } from '../../../lib/seo.ts';

export const getStaticPaths = (async () => {
  if (!ogImagesEnabled()) return [];
  const articles = await allArticles();
  return articles.map((a) => ({ params: { slug: a.id }, props: { title: a.data.title, summary: a.data.summary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ title: string; summary: string }> = ({ props, site }) => ogImageResponse(kindCard('guides', props, site));
