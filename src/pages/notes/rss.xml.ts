/** `/notes/rss.xml`: the newest reading notes as an RSS feed. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../../site.config.ts';
import { NOTES_FEED_XMLNS, noteFeedItems } from '../../lib/exports.ts';
import { absoluteUrl } from '../../lib/head.ts';
import { NOTES_PATH } from '../../shared/paths.ts';
import { loadCatalog } from '../../lib/papers.ts';

export const GET: APIRoute = async () =>
  rss({
    title: `${SITE.title}: notes`,
    description: `What the ${SITE.sessions.groupName.toLowerCase()} writes about the papers on ${SITE.title}.`,
    site: absoluteUrl(NOTES_PATH),
    items: noteFeedItems(await loadCatalog()),
    xmlns: NOTES_FEED_XMLNS,
    customData: '<language>en</language>',
  });
