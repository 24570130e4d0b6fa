/** `/notes/rss.xml`: the newest reading notes as an RSS feed. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../../site.config.ts';
import { NOTES_FEED_XMLNS, noteFeedItems } from '../../lib/exports.ts';
import { absoluteUrl } from '../../lib/head.ts';
import { NOTES_PATH } from '../../shared/paths.ts';
import { loadCatalog } from '../../lib/papers.ts';
import { LOCALE, fillMessage, t } from '../../lib/i18n.ts';
import { groupName } from '../../lib/sessions.ts';

export const GET: APIRoute = async () =>
  rss({
    title: fillMessage(t.notes.feedTitle, { site: SITE.title }),
    description: fillMessage(t.notes.feedDescription, { group: groupName(), site: SITE.title }),
    site: absoluteUrl(NOTES_PATH),
    items: noteFeedItems(await loadCatalog()),
    xmlns: NOTES_FEED_XMLNS,
    customData: `<language>${LOCALE.lang}</language>`,
  });
