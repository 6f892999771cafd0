// Share image of each term page, /og/terms/<slug>.png. None when OG_IMAGES=off.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allTerms } from '../../../data/collections.ts';
import { kindCard } from '../../../lib/og-image.ts';
import { ogImageResponse } from '../../../lib/og-cache.ts';
import { ogImagesEnabled } from '../../../lib/seo.ts';

export const getStaticPaths = (async () => {
  if (!ogImagesEnabled()) return [];
  const terms = await allTerms();
  return terms.map((t) => ({ params: { slug: t.id }, props: { title: t.data.title, summary: t.data.summary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ title: string; summary: string }> = ({ props, site }) => ogImageResponse(kindCard('terms', props, site));
