/**
 * /glossary-links/cards/<slug>.json: a term's card for the glossary-links popover, rendered by
 * TermCard (the one rendering of a card) and sent as a DOM tree in JSON, which the script
 * rebuilds with createElement and textContent only (never as HTML).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allTerms, type TermEntry } from '../../../data/collections.ts';
import { linkCardTree } from '../../../data/links-index.ts';

export const getStaticPaths = (async () =>
  (await allTerms()).map((term) => ({ params: { slug: term.id }, props: { term } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermEntry }> = async ({ props }) => Response.json(await linkCardTree(props.term));
