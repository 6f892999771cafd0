/**
 * /glossary-links/cards/<slug>.json: a term's card for the glossary-links popover, rendered by
 * TermCard (the one rendering of a card) and sent as a DOM tree in JSON, which the script
 * rebuilds with createElement and textContent only (never as HTML).
 * Dev server only: the build writes these files from one route (src/pages/json-files.bundle.txt.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { termPaths, type TermEntry } from '../../../data/collections.ts';
import { cardFile, routePerFile } from '../../../data/term-files.ts';

export const getStaticPaths = (async () => (routePerFile() ? termPaths() : [])) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermEntry }> = async ({ props }) => Response.json(await cardFile(props.term));
