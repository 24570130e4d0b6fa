/**
 * Serialising drafts: deterministic frontmatter (fixed key order, YAML exactly as the
 * `yaml` package writes it, see frontmatter.ts) plus the Markdown body, and the hash that
 * lets a later import tell a hand-edited file from the importer's own output.
 */
import { createHash } from 'node:crypto';
import { frontmatterYaml } from './frontmatter.ts';
import type { PaperInput } from '../schema.ts';
import type { PaperDraft } from './types.ts';

/** Frontmatter keys in the order they are written; anything else follows, sorted. */
const KEY_ORDER: readonly (keyof PaperInput)[] = [
  'title',
  'authors',
  'authorsTruncated',
  'affiliations',
  'date',
  'datePrecision',
  'category',
  'hasCode',
  'codeUrl',
  'score',
  'arxivId',
  'doi',
  'venue',
  'links',
  'tags',
  'volume',
  'issue',
  'pages',
  'publisher',
  'address',
  'editors',
  'series',
  'edition',
  'isbn',
  'issn',
  'school',
  'institution',
  'organization',
  'howpublished',
  'note',
  'eprint',
  'archivePrefix',
  'primaryClass',
  'url',
  'selected',
  'abbr',
  'preview',
  'bibtexShow',
  'award',
  'additionalInfo',
  'draft',
  'bibtexKey',
  'bibtexType',
  'imported',
];

/** The `hash:` line inside `imported:`, whose value the hash itself leaves out. */
const HASH_LINE = /^(  hash: )(\S*)$/m;

/** Hash of a file's text with its own hash value blanked (sha256, 16 hex digits); `blank`: it already is. */
function fileHash(text: string, blank = false): string {
  return createHash('sha256')
    .update(blank ? text : text.replace(HASH_LINE, '$1'))
    .digest('hex')
    .slice(0, 16);
}

function orderKeys(data: PaperInput): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  const keys = [
    ...KEY_ORDER,
    ...Object.keys(data)
      .filter((key) => !KEY_ORDER.includes(key as keyof PaperInput))
      .sort(),
  ];
  for (const key of keys) {
    const value = data[key as keyof PaperInput];
    if (value !== undefined) ordered[key] = value;
  }
  return ordered;
}

/**
 * The file text for `draft`: frontmatter (with `imported: { from, hash }`) and body.
 * Deterministic: the same draft and `from` always give the same bytes.
 */
export function toMarkdown(draft: PaperDraft, from: string): string {
  const data = orderKeys({ ...draft.data, imported: { from, hash: '' } });
  const yaml = frontmatterYaml(data);
  const body = draft.body.trim();
  const tail = `---\n${body ? `${body}\n` : ''}`;
  // The hash line is the frontmatter's last; edit it there rather than in the whole text.
  const frontmatter = yaml.replace(/^(  hash:) ?(""|'')?$/m, '$1 ');
  const hash = fileHash(`---\n${frontmatter}${tail}`, true);
  // A hex digest such as `49873241616114e4`, `0123…` or `0b1…` reads as a YAML number
  // (and fails the schema): quote it then. Other digests stay plain, so files keep their bytes.
  return `---\n${frontmatter.replace(HASH_LINE, `$1${/^(\d+(e\d+)?|0b[01]+)$/.test(hash) ? `"${hash}"` : hash}`)}${tail}`;
}

/**
 * True when `text` is exactly what the importer wrote: it carries an `imported.hash` and
 * the hash still matches. Any change by hand (even whitespace) makes it false.
 */
export function isImporterOutput(text: string): boolean {
  const stored = HASH_LINE.exec(text)?.[2].replace(/^"(.*)"$/, '$1');
  return Boolean(stored) && stored === fileHash(text);
}
