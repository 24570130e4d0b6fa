/**
 * Everything citable about a paper, computed from its CSL-JSON item (src/lib/csl.ts) and
 * its BibTeX entry: the "Cite" block of its page (formatted references in the site's
 * styles, BibTeX, downloads), its files in each citation format, and the whole-site files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { citationFilesDir } from '../../integrations/citation-files.ts';
import { SITE, type CitationStyle } from '../site.config.ts';
import {
  CITATION_FORMAT_INFO,
  CITATION_FORMATS,
  joinCitationRecords,
  paperCitationFile,
  type CitationFormat,
} from '../shared/citation-formats.ts';
import { checkStyles, formatReferences, REFERENCE_BATCH, toRis } from './citation-js.ts';
import { coinsTitle } from './coins.ts';
import { loadCatalog, type Catalog, type PaperView } from './papers.ts';

/** One formatted reference of a paper. */
export interface ReferenceView {
  style: CitationStyle;
  /** Element id of the reference on the page (the copy button's target). */
  id: string;
  /** The reference as HTML: citeproc's output, italics and links included. */
  html: string;
}

/** One download link of a paper. */
export interface DownloadView {
  format: CitationFormat;
  label: string;
  /** Site path of the file (pass it to `url()`). */
  path: string;
  /** Name the browser saves it under: the paper's citation key and the format's extension. */
  filename: string;
  mediaType: string;
}

/** What the "Cite" block shows. */
export interface CiteView {
  /** The default style first, then the others in the order of `SITE.citationStyles`. */
  references: ReferenceView[];
  bibtex: string;
  downloads: DownloadView[];
  /** The OpenURL ContextObject for the page's COinS span (src/lib/coins.ts). */
  coins: string;
}

/** The site's styles, the default first. */
export function orderedStyles(
  styles: readonly CitationStyle[] = SITE.citationStyles,
  defaultId = SITE.defaultCitationStyle,
): CitationStyle[] {
  const first = styles.find((style) => style.id === defaultId);
  if (!first) {
    throw new Error(
      `defaultCitationStyle "${defaultId}" is not one of citationStyles (${styles.map((s) => s.id).join(', ')})`,
    );
  }
  return [first, ...styles.filter((style) => style !== first)];
}

/** References formatted ahead of their page, with the styles they are in; a page takes (and drops) its own. */
const formatted = new WeakMap<PaperView, { styles: readonly CitationStyle[]; html: string[] }>();
const positions = new WeakMap<Catalog, Map<string, number>>();

function positionOf(paper: PaperView, catalog: Catalog): number {
  let map = positions.get(catalog);
  if (!map) {
    map = new Map(catalog.papers.map((p, i) => [p.slug, i]));
    positions.set(catalog, map);
  }
  const index = map.get(paper.slug);
  if (index === undefined) throw new Error(`paper "${paper.slug}" is not in the catalog`);
  return index;
}

/** The paper's references in `styles` (HTML, in that order), formatted with the rest of its batch. */
export function referencesOf(paper: PaperView, catalog: Catalog, styles: readonly CitationStyle[]): string[] {
  let own = formatted.get(paper);
  if (own?.styles !== styles) {
    const position = positionOf(paper, catalog);
    // Pages render in catalog order, so the batch holding this paper serves the next pages too.
    const start = position - (position % REFERENCE_BATCH);
    const batch = catalog.papers.slice(start, start + REFERENCE_BATCH);
    const items = batch.map((p) => p.csl);
    const byStyle = styles.map((style) => formatReferences(items, style));
    for (const other of batch) {
      formatted.set(other, { styles, html: byStyle.map((references) => references.get(other.csl.id) ?? '') });
    }
    own = formatted.get(paper);
  }
  formatted.delete(paper);
  return own?.html ?? [];
}

/** A file name from a citation key: keys may hold `:` or `/`, which file names cannot. */
function fileStem(key: string): string {
  return key.replace(/[^\p{L}\p{N}._+-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'citation';
}

let siteStyles: CitationStyle[] | undefined;

/** The site's styles in page order, each checked once (a missing or broken `.csl` file fails the first page). */
function configuredStyles(): CitationStyle[] {
  if (!siteStyles) {
    const styles = orderedStyles();
    checkStyles(styles);
    siteStyles = styles;
  }
  return siteStyles;
}

/** The "Cite" block of a paper page. */
export function citeView(paper: PaperView, catalog: Catalog, styles = configuredStyles()): CiteView {
  const html = referencesOf(paper, catalog, styles);
  return {
    references: styles.map((style, i) => ({ style, id: `cite-${style.id}`, html: html[i] })),
    bibtex: paper.bibtex,
    downloads: CITATION_FORMATS.map((format) => ({
      format,
      label: CITATION_FORMAT_INFO[format].label,
      path: paperCitationFile(paper.slug, format),
      filename: `${fileStem(paper.bibtexKey)}${CITATION_FORMAT_INFO[format].extension}`,
      mediaType: CITATION_FORMAT_INFO[format].mediaType,
    })),
    coins: coinsTitle(paper.csl, paper.kind),
  };
}

const risCache = new WeakMap<PaperView, string>();

/** One paper's record in a format: its BibTeX entry, RIS record or CSL-JSON object. */
export function citationRecord(paper: PaperView, format: CitationFormat): string {
  switch (format) {
    case 'bibtex':
      return paper.bibtex;
    case 'csl-json':
      return JSON.stringify(paper.csl, null, 2);
    case 'ris': {
      let ris = risCache.get(paper);
      if (ris === undefined) {
        ris = toRis([paper.csl]);
        risCache.set(paper, ris);
      }
      return ris;
    }
  }
}

/** A file of `papers` in one format (one paper's download, or the whole site's). */
export function citationFile(papers: readonly PaperView[], format: CitationFormat): string {
  return joinCitationRecords(
    format,
    papers.map((paper) => citationRecord(paper, format)),
  );
}

/**
 * In a build, writes the paper's own citation files (`citation.bib`, `.ris`, `.csl.json`)
 * into its page's folder; does nothing in `astro dev`, where the routes
 * `src/pages/papers/[slug]/citation.*.ts` serve them (integrations/citation-files.ts says why).
 */
export function writePaperCitationFiles(paper: PaperView): void {
  const outDir = citationFilesDir();
  if (!outDir) return;
  for (const format of CITATION_FORMATS) {
    const file = path.join(outDir, paperCitationFile(paper.slug, format));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, citationFile([paper], format));
  }
}

/** A citation file of `papers` as an HTTP response, with its format's media type. */
export function citationResponse(papers: readonly PaperView[], format: CitationFormat): Response {
  return new Response(citationFile(papers, format), {
    headers: { 'Content-Type': `${CITATION_FORMAT_INFO[format].mediaType}; charset=utf-8` },
  });
}

/** The response of a whole-site file (`/papers.ris`, `/papers.csl.json`): every paper, newest first. */
export async function siteCitationResponse(format: CitationFormat): Promise<Response> {
  const { papers } = await loadCatalog();
  return citationResponse(papers, format);
}
