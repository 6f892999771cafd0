// The feed: every guide and the newest terms, newest first. Linked from every page's <head>.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allArticles, allTerms } from '../data/collections.ts';
import { SITE_NAME, SITE_TAGLINE } from '../lib/site.ts';
import { feedEntries, siteBase, siteHref } from '../lib/seo.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = siteBase(site);
  const guides = (await allArticles()).map((a) => ({ slug: a.id, title: a.data.title, summary: a.data.summary, updated: a.data.updated }));
  const terms = (await allTerms()).map((t) => ({ slug: t.id, title: t.data.title, summary: t.data.summary, aliases: t.data.aliases, updated: t.data.updated }));
  return rss({
    title: SITE_NAME,
    description: `${SITE_TAGLINE} New and updated guides and terms.`,
    site: `${base}/`,
    items: feedEntries(guides, terms).map((entry) => ({ ...entry, link: siteHref(base, entry.link) })),
    customData: '<language>en</language>',
  });
};
