/**
 * COinS (ContextObjects in Spans): an OpenURL 1.0 ContextObject in the `title` of an empty
 * `<span class="Z3988">`, which Zotero's COinS translator (and link resolvers) read.
 * Written by hand from the OpenURL KEV formats (Z39.88-2004): no maintained npm package
 * writes them, and it is a flat list of `key=value` pairs. Values come from the paper's
 * CSL-JSON item, the mapping every citation shares.
 */
import type { CslItem, CslName } from './csl.ts';
import type { PublicationKind } from './publication-kind.ts';

type Pairs = [string, string | undefined][];

/** The KEV metadata format and genre of each kind of publication. */
function format(kind: PublicationKind, type: string): { fmt: string; genre?: string } {
  switch (kind) {
    case 'journal':
      return { fmt: 'journal', genre: 'article' };
    case 'preprint':
      return { fmt: 'journal', genre: 'preprint' };
    case 'conference':
      return { fmt: 'book', genre: 'proceeding' };
    case 'book':
      return { fmt: 'book', genre: type === 'chapter' ? 'bookitem' : 'book' };
    case 'report':
      return { fmt: 'book', genre: 'report' };
    case 'thesis':
      return { fmt: 'dissertation' };
    case 'patent':
      return { fmt: 'patent' };
    case 'other':
      return { fmt: 'dc' };
  }
}

/** An author for `rft.au`: "Family, Given", or the name whole. */
function authorName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return name.given ? `${family}, ${name.given}` : family;
}

/** The `title` of the paper's COinS span (to be escaped as any attribute is). */
export function coinsTitle(item: CslItem, kind: PublicationKind): string {
  const { fmt, genre } = format(kind, item.type);
  const authors = item.author ?? [];
  const first = authors[0];
  const [spage, epage] = (item.page ?? '').split(/\s*[-–—]+\s*/);
  const date = item.issued?.['date-parts']?.[0]
    ?.filter((part) => part !== undefined)
    .map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0')))
    .join('-');
  const pairs: Pairs = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', `info:ofi/fmt:kev:mtx:${fmt}`],
    ...(item.DOI ? [['rft_id', `info:doi/${item.DOI}`] as [string, string]] : []),
    ...(item.URL ? [['rft_id', item.URL] as [string, string]] : []),
    ['rft.genre', genre],
  ];
  if (fmt === 'dc') {
    pairs.push(['rft.title', item.title], ['rft.date', date], ['rft.publisher', item.publisher]);
    for (const author of authors) pairs.push(['rft.creator', authorName(author)]);
    pairs.push(['rft.identifier', item.URL]);
  } else {
    const container = item['container-title'];
    if (fmt === 'journal') pairs.push(['rft.atitle', item.title], ['rft.jtitle', container]);
    else if (kind === 'conference' || item.type === 'chapter')
      pairs.push(['rft.atitle', item.title], ['rft.btitle', container]);
    else if (fmt === 'book') pairs.push(['rft.btitle', item.title]);
    else pairs.push(['rft.title', item.title]);
    if (first && !first.literal) {
      const [last, given] = fmt === 'patent' ? ['rft.invlast', 'rft.invfirst'] : ['rft.aulast', 'rft.aufirst'];
      pairs.push([last, first.family], [given, first.given]);
    }
    // A patent's authors are its inventors.
    for (const author of authors) pairs.push([fmt === 'patent' ? 'rft.inventor' : 'rft.au', authorName(author)]);
    pairs.push(
      ['rft.date', date],
      ['rft.volume', item.volume],
      ['rft.issue', item.issue],
      ['rft.spage', spage || undefined],
      ['rft.epage', epage || undefined],
      ['rft.pages', item.page],
      ['rft.issn', item.ISSN],
      ['rft.isbn', item.ISBN],
      ['rft.series', item['collection-title']],
      ['rft.place', item['publisher-place']],
    );
    if (fmt === 'dissertation') pairs.push(['rft.inst', item.publisher], ['rft.degree', item.genre]);
    else if (fmt === 'patent') pairs.push(['rft.number', item.number], ['rft.cc', item.authority?.replace(/\W/g, '')]);
    else pairs.push(['rft.pub', item.publisher]);
    if (kind === 'preprint' || kind === 'report') pairs.push(['rft.artnum', item.number]);
  }
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}
