/** /glossary-links/index.json: the filter and bucket count of the links index (src/lib/links-index.ts). */
import type { APIRoute } from 'astro';
import { linksIndex } from '../../data/links-index.ts';

export const GET: APIRoute = async () => Response.json((await linksIndex()).manifest);
