// robots.txt, pointing crawlers at the sitemap under the configured site URL (SITE_URL).
import type { APIRoute } from 'astro';
import { robotsTxt, siteBase } from '../lib/seo.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(siteBase(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
