/**
 * `/reading-list/catalog.js`: what the reading list page needs to show any paper
 * (slug, title, first authors, date, BibTeX key), as a classic script that
 * assigns a global. The page must work from file://, where fetch() of a JSON file and
 * module scripts are blocked, while a `<script src>` still loads.
 */
import type { APIRoute } from 'astro';
import { SITE } from '../../site.config.ts';
import { CATALOG_GLOBAL, type Catalog } from '../../client/reading-list/exchange.ts';
import { loadCatalog } from '../../lib/papers.ts';
import { escapeHtml } from '../../lib/text.ts';
import { absoluteUrl } from '../../lib/head.ts';
import { classicScript } from '../../lib/reading-list.ts';

/** Authors named on the list before "et al.", as on the site's listings. */
const SHOWN_AUTHORS = 3;

export const GET: APIRoute = async () => {
  const { papers } = await loadCatalog();
  const catalog: Catalog = {
    site: SITE.title,
    papersUrl: absoluteUrl('/papers/'),
    papers: papers.map((paper) => ({
      slug: paper.slug,
      title: paper.titleText,
      ...(paper.titleHtml !== escapeHtml(paper.titleText) && { titleHtml: paper.titleHtml }),
      authors: paper.authors.slice(0, SHOWN_AUTHORS).map((author) => author.name),
      ...((paper.authors.length > SHOWN_AUTHORS || paper.authorsTruncated) && { etAl: true }),
      date: paper.date,
      key: paper.bibtexKey,
    })),
  };
  return classicScript(CATALOG_GLOBAL, catalog);
};
