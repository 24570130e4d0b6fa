/**
 * RIS files (Zotero, Mendeley, EndNote, Google Scholar, publishers' "export citation")
 * into paper drafts. The file is cut into records here, by its `TY  -` and `ER  -`
 * lines, so each record keeps its line number and one broken record costs one record;
 * each record is then read by Citation.js (`@citation-js/plugin-ris`) into CSL-JSON and
 * mapped like any CSL item (csl-draft.ts). A few tags Citation.js does not map are read
 * from the record's own lines: a journal's `PB`, a report's series (`T3`), keywords (`KW`,
 * one per line or several split by semicolons or commas), and the PDF link (`L1`).
 */
import { parseRisRecords } from '../lib/citation-js.ts';
import { draftFromCsl } from './csl-draft.ts';
import type { ImportIssue, PaperDraft, ParseOptions, ParseResult } from './types.ts';

/** A tag line as exporters write it: two letters or a letter and a digit, spaces, a dash. */
const TAG_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*))?$/;

/** One record: its first line and its tags in order. */
interface RisRecord {
  line: number;
  tags: { tag: string; value: string; line: number }[];
}

/** What a RIS tag is, for the "left out" notes (the tags people meet in exports). */
const TAG_NAMES: Record<string, string> = {
  AN: 'accession number',
  DB: 'database',
  DP: 'database provider',
  LA: 'language',
  ST: 'short title',
  J2: 'abbreviated journal',
  J1: 'abbreviated journal',
  JA: 'abbreviated journal',
  Y2: 'access date',
  CA: 'caption',
  L2: 'link',
  L4: 'figure',
  M1: 'miscellaneous',
  AD: 'author address',
  C1: 'custom 1',
  RN: 'research notes',
};

/** Cuts the text into records; text outside any record is reported, never silently dropped. */
function readRecords(text: string, file: string, notices: string[]): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const match = TAG_LINE.exec(raw.trimEnd());
    if (!match) {
      if (raw.trim() === '') return;
      // A value that goes on over more lines (some exporters wrap long abstracts).
      const last = current?.tags[current.tags.length - 1];
      if (last) last.value = `${last.value} ${raw.trim()}`;
      else notices.push(`${file}:${lineNumber}: text outside any RIS record (no TY line before it), ignored`);
      return;
    }
    const [, tag, value = ''] = match;
    if (tag === 'TY') {
      if (current) {
        notices.push(
          `${file}:${current.line}: record has no "ER  -" line before the next "TY  -" at line ${lineNumber}; read up to there`,
        );
        records.push(current);
      }
      current = { line: lineNumber, tags: [{ tag, value: value.trim(), line: lineNumber }] };
    } else if (tag === 'ER') {
      if (current) records.push(current);
      else notices.push(`${file}:${lineNumber}: "ER  -" without a record, ignored`);
      current = undefined;
    } else if (current) {
      current.tags.push({ tag, value: value.trim(), line: lineNumber });
    } else {
      notices.push(`${file}:${lineNumber}: ${tag} line outside any RIS record (no TY line before it), ignored`);
    }
  });
  if (current) {
    notices.push(`${file}:${current.line}: record has no "ER  -" line at the end of the file; read to the end`);
    records.push(current);
  }
  return records;
}

/** The record as text for Citation.js, in the two-space form it reads. */
function recordText(record: RisRecord): string {
  return `${record.tags.map(({ tag, value }) => `${tag}  - ${value}`).join('\n')}\nER  - \n`;
}

/** Parses a RIS file into drafts (pure: no file system). */
export function parseRis(text: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const issues: ImportIssue[] = [];
  const notices: string[] = [];
  const papers: PaperDraft[] = [];
  const leftOutCounts = new Map<string, number>();
  const records = readRecords(text, file, notices);

  for (const record of records) {
    const values = (tag: string) => record.tags.filter((entry) => entry.tag === tag).map((entry) => entry.value);
    if (!values('TY')[0]) {
      issues.push({ file, line: record.line, message: 'record has an empty type, expected e.g. "TY  - JOUR"' });
      continue;
    }
    let items: Record<string, unknown>[];
    try {
      items = parseRisRecords(recordText(record));
    } catch (error) {
      issues.push({
        file,
        line: record.line,
        message: `record could not be read (${error instanceof Error ? error.message : String(error)}), expected RIS tag lines "XX  - value"`,
      });
      continue;
    }
    const item = { ...items[0] };
    // Tags Citation.js leaves out, read from the record's own lines.
    const keywords = values('KW').flatMap((value) => value.split(/\s*;\s*/));
    item.keyword = keywords.length > 0 ? keywords.join(';') : undefined;
    if (item.publisher === undefined && values('PB')[0]) item.publisher = values('PB')[0];
    if (item['collection-title'] === undefined && values('T3')[0]) item['collection-title'] = values('T3')[0];
    const result = draftFromCsl(item, record.line, 'a "TI  - " (or "T1  - ") line');
    for (const problem of result.dropped) notices.push(`${file}:${record.line}: ${problem} left out`);
    if (!result.ok) {
      issues.push({ file, line: record.line, message: result.message });
      continue;
    }
    const pdfs = values('L1').filter((value) => /^https?:\/\//i.test(value) && URL.canParse(value));
    if (pdfs.length > 0) {
      const links = [...(result.draft.data.links ?? [])];
      for (const url of pdfs)
        if (!links.some((link) => link.url === url)) links.push({ label: 'PDF', url, kind: 'pdf' });
      result.draft.data.links = links;
    }
    const localFiles = values('L1').length - pdfs.length;
    if (localFiles > 0)
      leftOutCounts.set(
        'L1 (a file on the exporting computer)',
        (leftOutCounts.get('L1 (a file on the exporting computer)') ?? 0) + localFiles,
      );
    for (const tag of new Set(record.tags.map((entry) => entry.tag))) {
      if (TAG_NAMES[tag])
        leftOutCounts.set(`${tag} (${TAG_NAMES[tag]})`, (leftOutCounts.get(`${tag} (${TAG_NAMES[tag]})`) ?? 0) + 1);
    }
    papers.push(result.draft);
  }
  if (records.length === 0 && issues.length === 0) {
    issues.push({
      file,
      line: 1,
      message: 'no RIS records, expected records that start with "TY  - " and end with "ER  - "',
    });
  }
  if (leftOutCounts.size > 0) {
    notices.push(
      `${file}: not kept (no place in a paper's frontmatter): ${[...leftOutCounts].map(([tag, count]) => `${tag} in ${count} record${count === 1 ? '' : 's'}`).join(', ')}`,
    );
  }
  return { papers, issues, notices };
}
