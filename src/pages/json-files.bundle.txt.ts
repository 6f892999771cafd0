/**
 * Build only: many small JSON files in one response, which src/integrations/file-bundles.ts
 * splits into the files and then deletes (see src/lib/file-bundle.ts): one route rendered once
 * instead of one route per file. It carries each term's API record, oEmbed response and
 * glossary-links card (src/data/term-files.ts) and the glossary-links buckets. The dev server
 * answers each of those addresses from its own route instead.
 */
import type { APIRoute } from 'astro';
import { allTerms } from '../data/collections.ts';
import { linksIndex } from '../data/links-index.ts';
import { termJsonFiles } from '../data/term-files.ts';
import { bundleFiles } from '../lib/file-bundle.ts';
import { bucketPath } from '../lib/links-index.ts';

export const GET: APIRoute = async ({ site }) => {
  const buckets = (await linksIndex()).buckets.map((entries, bucket): [string, unknown] => [bucketPath(bucket), entries]);
  const files = [...(await termJsonFiles(await allTerms(), site)), ...buckets];
  return new Response(bundleFiles(files), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
