/**
 * /embed/terms-<c>.js: the slugs that start with <c>, for the embed loader to check a
 * blockquote's term before framing it (see termListPath in src/lib/embed-protocol.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allTerms } from '../../data/collections.ts';
import { termListScript, termListsByInitial } from '../../lib/embed.ts';

export const getStaticPaths = (async () => {
  const lists = termListsByInitial((await allTerms()).map((t) => t.id));
  return [...lists].map(([initial, slugs]) => ({ params: { initial }, props: { slugs } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slugs: string[] }> = ({ props }) =>
  new Response(termListScript(props.slugs), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
