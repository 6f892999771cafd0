/** /api/terms/<slug>.json: one term's record plus its definition as plain text and its related slugs. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allTerms, type TermEntry } from '../../../data/collections.ts';
import { apiTermDetail, siteBase } from '../../../lib/embed.ts';

export const getStaticPaths = (async () => {
  const terms = await allTerms();
  return terms.map((term) => ({ params: { slug: term.id }, props: { term } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermEntry }> = ({ props, site }) =>
  Response.json(apiTermDetail(props.term, siteBase(site)));
