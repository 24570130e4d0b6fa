/**
 * Getting a reading list out of the browser and back in: BibTeX, RIS and CSL-JSON for
 * reference managers, a plain Markdown list of links for people, and an import that reads
 * any of them back.
 * Pure functions over the catalogue the site ships (src/shared/reading-list.ts).
 */
import { joinCitationRecords, type CitationFormat } from '../../shared/citation-formats.ts';
import type { CatalogHeader, CatalogPaper } from '../../shared/reading-list.ts';
import { markOf, setRead, setStarred, type ReadingListState } from './model.ts';
import { NOTES_FRAGMENT } from '../../shared/notes.ts';

/** The loaded part of the catalogue, indexed for look-ups by slug and by BibTeX key. */
export interface CatalogIndex {
  site: string;
  papersUrl: string;
  bySlug: Map<string, CatalogPaper>;
  slugByKey: Map<string, string>;
}

/** An index of `papers` (more can be added with `addToIndex` as shards load). */
export function indexCatalog(header: CatalogHeader, papers: readonly CatalogPaper[] = []): CatalogIndex {
  const index: CatalogIndex = {
    site: header.site,
    papersUrl: header.papersUrl,
    bySlug: new Map(),
    slugByKey: new Map(),
  };
  addToIndex(index, papers);
  return index;
}

export function addToIndex(index: CatalogIndex, papers: readonly CatalogPaper[]): void {
  for (const paper of papers) {
    index.bySlug.set(paper.slug, paper);
    index.slugByKey.set(paper.key, paper.slug);
  }
}

/** Link text in Markdown: brackets and backslashes would end or break the link. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}

/** What an exported list says besides titles and links, in the interface's language. */
export interface ExportWords {
  /** The file's heading: "Reading list: Paper Shelf". */
  heading: string;
  /** A paper's notes: "2 notes". */
  notes: (count: number) => string;
}

/**
 * The list as Markdown task items, one paper per line:
 * `- [ ] [Title](https://…/papers/slug/)`, `[x]` for papers already read, and a link to the
 * group's notes when the paper has some (` · [2 notes](https://…/papers/slug/#notes)`).
 * Plain text a person can read, paste in an e-mail or a README, and import back.
 */
export function exportLinks(state: ReadingListState, slugs: string[], index: CatalogIndex, words: ExportWords): string {
  const lines = slugs.flatMap((slug) => {
    const paper = index.bySlug.get(slug);
    if (!paper) return [];
    const box = markOf(state, slug).read ? '[x]' : '[ ]';
    const page = `${index.papersUrl}${encodeURIComponent(slug)}/`;
    const notes = paper.notes ? ` · [${words.notes(paper.notes)}](${page}#${NOTES_FRAGMENT})` : '';
    return [`- ${box} [${escapeLinkText(paper.title)}](${page})${notes}`];
  });
  return `# ${words.heading}\n\n${lines.join('\n')}\n`;
}

/**
 * The given papers as one file of a citation format, in that order, from the records the
 * site made for each paper (`recordsBySlug`); `missing` names slugs with no record.
 */
export function exportRecords(
  format: CitationFormat,
  slugs: string[],
  recordsBySlug: Record<string, string>,
): { text: string; missing: string[] } {
  const records: string[] = [];
  const missing: string[] = [];
  for (const slug of slugs) {
    const record = recordsBySlug[slug];
    if (record === undefined) missing.push(slug);
    else records.push(record);
  }
  return { text: records.length ? joinCitationRecords(format, records) : '', missing };
}

/** One paper found in imported text. */
export interface ImportEntry {
  slug: string;
  read: boolean;
}

export interface ImportResult {
  /** Papers of this site, in the order the text names them, each once. */
  entries: ImportEntry[];
  /** Links and citation keys that name no paper of this site, as written. */
  unmatched: string[];
}

// Characters that cannot be part of a link written in text or Markdown.
const TOKEN_SEPARATORS = /[\s<>()"'[\]{}]+/;
// A paper page link ends in papers/<slug>/ (hosted), papers/<slug>/index.html (file://
// or relative) or papers/<slug>; anchoring at the end keeps a base path that itself
// ends in "papers" (e.g. /lab/papers/) from being read as a slug.
const PAPER_LINK = /(?:^|\/)papers\/([^/?#]+)\/?(?:index\.html)?(?:[?#].*)?$/;
const LOOKS_LIKE_LINK = /^[a-z][a-z\d+.-]*:\/\/|^\.{0,2}\/|^www\./i;
const TASK_DONE = /^\s*(?:[-*+]|\d+[.)])\s+\[[xX]\]/;
// The head of a BibTeX entry: `@article{key,`. Only keys are needed from a .bib file
// (everything else is in the catalogue), so a full parser is not shipped to the browser.
const BIBTEX_HEAD = /^\s*@\s*([a-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,/i;
const BIBTEX_NON_ENTRIES = new Set(['comment', 'string', 'preamble']);

/** Slugs named by paper links in `text`, known to the site or not (to know which shards to load). */
export function linkedSlugs(text: string): string[] {
  const slugs = new Set<string>();
  for (const raw of text.split(TOKEN_SEPARATORS)) {
    const match = PAPER_LINK.exec(raw.replace(/[.,;:!?]+$/, ''));
    if (match) slugs.add(safeDecode(match[1]));
  }
  return [...slugs];
}

/**
 * The citation format of `text`, if it is a citation file (then it is matched by keys, which
 * need the whole catalogue): BibTeX entries, RIS records or a CSL-JSON array.
 */
export function citationFormatOf(text: string): CitationFormat | undefined {
  if (/^\s*@\s*[a-z]+\s*[{(]/im.test(text)) return 'bibtex';
  if (/^\s*TY {1,2}- /m.test(text)) return 'ris';
  if (/^\s*\[\s*(?:\{|\])/.test(text)) return 'csl-json';
  return undefined;
}

/** The keys (and the rest of the text, for links) of each record of a citation file. */
function citationRecords(format: CitationFormat, text: string): { key?: string; text: string }[] {
  if (format === 'bibtex') {
    return text.split(/^(?=\s*@)/m).flatMap((chunk) => {
      const head = BIBTEX_HEAD.exec(chunk);
      if (!head || BIBTEX_NON_ENTRIES.has(head[1].toLowerCase())) return [];
      return [{ key: head[2], text: chunk.slice(head[0].length) }];
    });
  }
  if (format === 'ris') {
    return text
      .split(/^(?=\s*TY {1,2}- )/m)
      .filter((chunk) => /^\s*TY {1,2}- /.test(chunk))
      .map((chunk) => ({ key: /^ID {1,2}- (.+?)\s*$/m.exec(chunk)?.[1], text: chunk }));
  }
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    return [];
  }
  return (Array.isArray(items) ? items : []).map((item: unknown) => {
    const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const key = [fields['citation-key'], fields.id].find((value) => typeof value === 'string');
    return { key: key as string | undefined, text: typeof fields.URL === 'string' ? fields.URL : '' };
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed %-escape: keep the text as written, it simply will not match.
    return text;
  }
}

/** Paper links in one piece of text: slugs found and links that name no paper here. */
function scanLinks(text: string, index: CatalogIndex): { slugs: string[]; unmatched: string[] } {
  const slugs: string[] = [];
  const unmatched: string[] = [];
  for (const raw of text.split(TOKEN_SEPARATORS)) {
    const token = raw.replace(/[.,;:!?]+$/, '');
    const match = PAPER_LINK.exec(token);
    if (match) {
      const slug = safeDecode(match[1]);
      if (index.bySlug.has(slug)) slugs.push(slug);
      else unmatched.push(token);
    } else if (LOOKS_LIKE_LINK.test(token) && token.length > 3) {
      unmatched.push(token);
    }
  }
  return { slugs, unmatched };
}

/**
 * Finds this site's papers in an exported list of links, in any text holding links to
 * paper pages (hosted or file:// copies), or in a BibTeX, RIS or CSL-JSON file whose
 * records carry the site's keys or links. A paper is read when its Markdown task item is
 * ticked.
 */
export function parseImport(text: string, index: CatalogIndex): ImportResult {
  const found = new Map<string, boolean>();
  const unmatched: string[] = [];
  const add = (slug: string, read: boolean) => found.set(slug, (found.get(slug) ?? false) || read);

  const format = citationFormatOf(text);
  if (format) {
    // A citation file: each record matches by its key or by a link to a paper page.
    for (const record of citationRecords(format, text)) {
      const slug = (record.key && index.slugByKey.get(record.key)) || scanLinks(record.text, index).slugs[0];
      if (slug) add(slug, false);
      else if (record.key) unmatched.push(record.key);
    }
  } else {
    for (const line of text.split(/\r?\n/)) {
      const links = scanLinks(line, index);
      for (const slug of links.slugs) add(slug, TASK_DONE.test(line));
      unmatched.push(...links.unmatched);
    }
  }
  return { entries: [...found].map(([slug, read]) => ({ slug, read })), unmatched };
}

export interface ImportOutcome {
  state: ReadingListState;
  /** Papers starred by this import (they were not starred before). */
  added: number;
  /** Papers marked read by this import. */
  markedRead: number;
}

/**
 * Adds imported papers to the list. Importing only adds: papers already starred keep
 * their place, and nothing already read is marked unread. New papers keep the order of
 * the imported text (the first line ends up first), so an export imported into another
 * browser reads the same.
 */
export function applyImport(state: ReadingListState, entries: ImportEntry[], now: number): ImportOutcome {
  let next = state;
  let added = 0;
  let markedRead = 0;
  entries.forEach((entry, position) => {
    const before = markOf(next, entry.slug);
    if (!before.starred) {
      next = setStarred(next, entry.slug, true, now - position);
      added += 1;
    }
    if (entry.read && !before.read) {
      next = setRead(next, entry.slug, true);
      markedRead += 1;
    }
  });
  return { state: next, added, markedRead };
}
