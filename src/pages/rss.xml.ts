/** `/rss.xml`: the newest papers as an RSS feed. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { feedItems } from '../lib/exports.ts';
import { absoluteUrl } from '../lib/head.ts';
import { loadCatalog } from '../lib/papers.ts';
import { LOCALE } from '../lib/i18n.ts';

export const GET: APIRoute = async () =>
  rss({
    title: SITE.title,
    description: SITE.description,
    site: absoluteUrl('/'),
    items: feedItems(await loadCatalog()),
    customData: `<language>${LOCALE.lang.toLowerCase()}</language>`,
  });
