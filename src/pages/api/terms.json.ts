/** /api/terms.json: every term (slug, title, aliases, summary, topic, url), readable from any origin. */
import type { APIRoute } from 'astro';
import { allTerms } from '../../data/collections.ts';
import { apiTermList, siteBase } from '../../lib/embed.ts';

export const GET: APIRoute = async ({ site }) =>
  Response.json(apiTermList(await allTerms(), siteBase(site)));
