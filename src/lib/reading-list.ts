/**
 * Build side of the reading list (issue 8): the catalogue its page loads as classic
 * scripts, cut into shards by slug (see src/client/reading-list/catalog.ts). The
 * browser side is `src/client/reading-list/`.
 */
import { SITE } from '../site.config.ts';
import { shardCount, shardOf, type CatalogHeader, type CatalogPaper } from '../client/reading-list/catalog.ts';
import { absoluteUrl } from './head.ts';
import { loadCatalog, type PaperView } from './papers.ts';
import { escapeHtml } from './text.ts';

/** Authors named on the list before "et al.", as on the site's listings. */
const SHOWN_AUTHORS = 3;

export interface ReadingListData {
  header: CatalogHeader;
  /** Papers of each shard, newest first. */
  papers: CatalogPaper[][];
  /** BibTeX entries of each shard by slug: the strings the paper pages and /papers.bib show. */
  bibtex: Record<string, string>[];
}

function catalogPaper(paper: PaperView): CatalogPaper {
  return {
    slug: paper.slug,
    title: paper.titleText,
    ...(paper.titleHtml !== escapeHtml(paper.titleText) && { titleHtml: paper.titleHtml }),
    authors: paper.authors.slice(0, SHOWN_AUTHORS).map((author) => author.name),
    ...((paper.authors.length > SHOWN_AUTHORS || paper.authorsTruncated) && { etAl: true }),
    ...(paper.date !== undefined && { date: paper.date }),
    key: paper.bibtexKey,
  };
}

let data: Promise<ReadingListData> | undefined;

/** The reading list's catalogue, computed once per build from the site's one loader. */
export function readingListData(): Promise<ReadingListData> {
  data ??= loadCatalog().then(({ papers }) => {
    const shards = shardCount(papers.length);
    const result: ReadingListData = {
      header: { site: SITE.title, papersUrl: absoluteUrl('/papers/'), shards },
      papers: Array.from({ length: shards }, () => []),
      bibtex: Array.from({ length: shards }, () => ({})),
    };
    for (const paper of papers) {
      const shard = shardOf(paper.slug, shards);
      result.papers[shard].push(catalogPaper(paper));
      result.bibtex[shard][paper.slug] = paper.bibtex;
    }
    return result;
  });
  return data;
}

/** `getStaticPaths` of the shard files: one path per shard. */
export async function shardPaths(): Promise<{ params: { shard: string } }[]> {
  const { header } = await readingListData();
  return Array.from({ length: header.shards }, (_, shard) => ({ params: { shard: String(shard) } }));
}

/**
 * A JavaScript file that stores `value` in `self[name]` (or, with `shard`, in
 * `self[name][shard]`). Loaded with `<script src>`, it reaches pages opened from
 * file://. JSON is valid JavaScript (U+2028/2029 included since ES2019).
 */
export function classicScript(name: string, value: unknown, shard?: number): Response {
  const key = JSON.stringify(name);
  const body =
    shard === undefined
      ? `self[${key}]=${JSON.stringify(value)};\n`
      : `(self[${key}]=self[${key}]||{})[${shard}]=${JSON.stringify(value)};\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
