/**
 * Build side of the reading list (issue 8): the catalogue its page loads as data scripts,
 * cut into shards by slug (src/shared/reading-list.ts). The browser side is
 * `src/client/reading-list/`.
 */
import { SITE } from '../site.config.ts';
import { CITATION_FORMATS, type CitationFormat } from '../shared/citation-formats.ts';
import {
  PAPERS_PER_SHARD,
  citationShardName,
  catalogName,
  papersShardName,
  type CatalogHeader,
  type CatalogPaper,
} from '../shared/reading-list.ts';
import { shardCount, shardOf } from '../shared/shards.ts';
import { citationRecord } from './citations.ts';
import { absoluteUrl } from './head.ts';
import { loadCatalog, type PaperView } from './papers.ts';
import { escapeHtml } from './text.ts';

/** Authors named on the list before "et al.", as on the site's listings. */
const SHOWN_AUTHORS = 3;

export interface ReadingListData {
  header: CatalogHeader;
  /** Papers of each shard, newest first. */
  papers: CatalogPaper[][];
  /** Each format's records of each shard by slug: what each paper's own downloads hold. */
  records: Record<CitationFormat, Record<string, string>[]>;
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
    ...(paper.notes.length > 0 && { notes: paper.notes.length }),
  };
}

let data: Promise<ReadingListData> | undefined;

/** The reading list's catalogue, computed once per build from the site's one loader. */
export function readingListData(): Promise<ReadingListData> {
  data ??= loadCatalog().then(({ papers }) => {
    const shards = shardCount(papers.length, PAPERS_PER_SHARD);
    const result: ReadingListData = {
      header: { site: SITE.title, papersUrl: absoluteUrl('/papers/'), shards },
      papers: Array.from({ length: shards }, () => []),
      records: Object.fromEntries(
        CITATION_FORMATS.map((format) => [format, Array.from({ length: shards }, () => ({}))]),
      ) as ReadingListData['records'],
    };
    for (const paper of papers) {
      const shard = shardOf(paper.slug, shards);
      result.papers[shard].push(catalogPaper(paper));
      for (const format of CITATION_FORMATS) result.records[format][shard][paper.slug] = citationRecord(paper, format);
    }
    return result;
  });
  return data;
}

/** The catalogue's files by data-script name (src/shared/reading-list.ts). */
export async function readingListFiles(): Promise<Map<string, unknown>> {
  const { header, papers, records } = await readingListData();
  const files = new Map<string, unknown>([[catalogName(), header]]);
  papers.forEach((shard, n) => files.set(papersShardName(n), shard));
  for (const format of CITATION_FORMATS) {
    records[format].forEach((shard, n) => files.set(citationShardName(format, n), shard));
  }
  return files;
}
