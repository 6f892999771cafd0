/**
 * /glossary-links/<n>.json: one bucket of the links index (src/lib/links-index.ts).
 * Dev server only: the build writes these files from one route (src/pages/json-files.bundle.txt.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routePerFile } from '../../data/term-files.ts';
import { linksIndex } from '../../data/links-index.ts';
import type { LinksEntry } from '../../lib/links-index.ts';

export const getStaticPaths = (async () =>
  routePerFile()
    ? (await linksIndex()).buckets.map((entries, bucket) => ({ params: { bucket: String(bucket) }, props: { entries } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ entries: LinksEntry[] }> = ({ props }) => Response.json(props.entries);
