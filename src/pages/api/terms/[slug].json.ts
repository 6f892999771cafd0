/**
 * /api/terms/<slug>.json: one term's record plus its definition as plain text and its related slugs.
 * Dev server only: the build writes these files from one route (src/pages/json-files.bundle.txt.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { termPaths, type TermEntry } from '../../../data/collections.ts';
import { apiTermFile, routePerFile } from '../../../data/term-files.ts';

export const getStaticPaths = (async () => (routePerFile() ? termPaths() : [])) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermEntry }> = ({ props, site }) => Response.json(apiTermFile(props.term, site));
