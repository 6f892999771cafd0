/**
 * /oembed/<slug>.json: the oEmbed 1.0 `rich` response for a term (its embed code).
 * Dev server only: the build writes these files from one route (src/pages/json-files.bundle.txt.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { termPaths, type TermEntry } from '../../data/collections.ts';
import { oembedFile, routePerFile } from '../../data/term-files.ts';

export const getStaticPaths = (async () => (routePerFile() ? termPaths() : [])) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermEntry }> = ({ props, site }) => Response.json(oembedFile(props.term, site));
