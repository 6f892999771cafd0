/** /oembed/<slug>.json: the oEmbed 1.0 `rich` response for a term (its plain iframe code). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allTerms, type TermEntry } from '../../data/collections.ts';
import { oembed, siteBase } from '../../lib/embed.ts';
import { termCardData } from '../../lib/term-card.ts';

export const getStaticPaths = (async () => {
  const terms = await allTerms();
  return terms.map((term) => ({ params: { slug: term.id }, props: { term } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermEntry }> = ({ props, site }) =>
  Response.json(oembed(termCardData(props.term), siteBase(site)));
