/**
 * The citation file formats the site hands out: each paper's downloads, the whole-site
 * files beside `/papers.bib` and the reading list's export. Shared by the build and the
 * reading-list script, so a file's name, extension and media type are written once.
 */

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export interface CitationFormatInfo {
  /** The name shown on buttons and links. */
  label: string;
  /** File extension with its dot. */
  extension: string;
  /** Media type of the file (reference managers register for these). */
  mediaType: string;
}

export const CITATION_FORMAT_INFO: Record<CitationFormat, CitationFormatInfo> = {
  bibtex: { label: 'BibTeX', extension: '.bib', mediaType: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: '.ris', mediaType: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: '.csl.json', mediaType: 'application/vnd.citationstyles.csl+json' },
};

/** The whole-site file of a format, beside each other at the site root: `papers.bib`, `papers.ris`, `papers.csl.json`. */
export function siteCitationFile(format: CitationFormat): string {
  return `/papers${CITATION_FORMAT_INFO[format].extension}`;
}

/** A paper's own file of a format, in its page's folder: `/papers/<slug>/citation.ris`. */
export function paperCitationFile(slug: string, format: CitationFormat): string {
  return `/papers/${slug}/citation${CITATION_FORMAT_INFO[format].extension}`;
}

/**
 * Several records of one format as one file: BibTeX and RIS records one after another, a
 * blank line between them, CSL-JSON items as one array. Only line breaks around a record
 * are trimmed: RIS ends a record with "ER  - ", space included.
 */
export function joinCitationRecords(format: CitationFormat, records: readonly string[]): string {
  const trimmed = records.map((record) => record.replace(/^[\r\n]+|[\r\n]+$/g, ''));
  if (format === 'csl-json') return `[\n${trimmed.join(',\n')}\n]\n`;
  return trimmed.length > 0 ? `${trimmed.join('\n\n')}\n` : '';
}
