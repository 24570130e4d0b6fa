/**
 * `/reading-list/catalog.js`: what the reading list page needs to show any paper
 * (slug, title, authors, date, canonical URL, BibTeX key), as a classic script that
 * assigns a global. The page must work from file://, where fetch() of a JSON file and
 * module scripts are blocked, while a `<script src>` still loads.
 */
import type { APIRoute } from 'astro';
import { SITE } from '../../site.config.ts';
import { CATALOG_GLOBAL, type Catalog } from '../../client/reading-list/exchange.ts';
import { loadCatalog } from '../../lib/papers.ts';
import { escapeHtml } from '../../lib/text.ts';
import { classicScript, canonicalUrl } from '../../lib/reading-list.ts';

export const GET: APIRoute = async () => {
  const { papers } = await loadCatalog();
  const catalog: Catalog = {
    site: SITE.title,
    papers: papers.map((paper) => ({
      slug: paper.slug,
      title: paper.titleText,
      ...(paper.titleHtml !== escapeHtml(paper.titleText) && { titleHtml: paper.titleHtml }),
      authors: paper.authors.map((author) => author.name),
      date: paper.date,
      url: canonicalUrl(paper.path),
      key: paper.bibtexKey,
    })),
  };
  return classicScript(CATALOG_GLOBAL, catalog);
};
