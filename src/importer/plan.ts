/**
 * The write planner (pure): given the drafts of one run and the files already in the
 * output folder, decide for each draft what happens to it. The CLI only carries out the
 * plan, so everything here is testable without a file system.
 *
 * Two entries are the same paper when they share a DOI or an arXiv id, or when their
 * titles are the same (case, accents and punctuation aside, in any script) and nothing
 * says otherwise: different first authors, different DOIs or arXiv ids, or years more than
 * one apart (a preprint and its publication are a year apart; two editorials called
 * "Introduction" ten years apart are two papers). A title with no letters or digits
 * matches nothing.
 */
import { parse as parseYaml } from 'yaml';
import { slugify } from '../lib/slug.ts';
import { paperSchema } from '../schema.ts';
import { isImporterOutput, toMarkdown } from './markdown.ts';
import { createHash } from 'node:crypto';
import type { ImportIssue, PaperDraft } from './types.ts';

/** Longest slug before the collision suffix; cut at a word boundary. */
const MAX_SLUG_LENGTH = 60;

/** What happens to one draft. */
export type PlannedAction =
  /** A new file. */
  | { kind: 'create'; file: string; text: string; draft: PaperDraft }
  /** An existing importer-written file whose content changes (or `--force`). */
  | { kind: 'update'; file: string; text: string; draft: PaperDraft }
  /** The file already holds exactly this text. */
  | { kind: 'unchanged'; file: string; draft: PaperDraft }
  /** The file was edited by hand (or not written by the importer): left alone. */
  | { kind: 'skipped-edited'; file: string; draft: PaperDraft }
  /**
   * The same paper as another file or an earlier draft: not written. `duplicateOfLine` is
   * the earlier entry's line in this source, when the duplicate is of this import.
   */
  | {
      kind: 'duplicate';
      file: string;
      duplicateOf: string;
      duplicateOfLine?: number;
      reason: string;
      draft: PaperDraft;
    };

export interface Plan {
  actions: PlannedAction[];
  /** Drafts that failed schema validation (not written). */
  issues: ImportIssue[];
}

export interface PlanOptions {
  /** Source path written into `imported.from` and used in issues. */
  from: string;
  /** Overwrite files edited by hand. */
  force?: boolean;
}

/** What identifies a paper across sources. */
export interface Identity {
  doi?: string;
  arxiv?: string;
  /** The title reduced to its letters and digits (see `normaliseTitle`); empty when it has none. */
  title: string;
  /** The first author's family name, reduced the same way; empty when there is none. */
  firstAuthor: string;
  year?: number;
}

/**
 * A title reduced to what two spellings of it share: case, accents, punctuation and math
 * delimiters dropped, letters and digits of every script kept (so a Chinese title is not
 * reduced to nothing).
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The family name of a display name: its last word (`Jan van der Berg` → `berg`), or the whole name. */
function familyName(name: unknown): string {
  if (typeof name !== 'string') return '';
  const words = normaliseTitle(name)
    .split(' ')
    .filter((word) => !/^(?:jr|sr|ii|iii|iv)$/.test(word));
  return words.at(-1) ?? '';
}

/** The identity of a paper's frontmatter (a draft's or an existing file's). */
export function identityOf(paper: {
  title?: unknown;
  doi?: unknown;
  arxivId?: unknown;
  authors?: unknown;
  date?: unknown;
}): Identity {
  const year = typeof paper.date === 'string' ? Number(paper.date.slice(0, 4)) : undefined;
  return {
    ...(typeof paper.doi === 'string' && paper.doi ? { doi: paper.doi.trim().toLowerCase() } : {}),
    ...(typeof paper.arxivId === 'string' && paper.arxivId
      ? { arxiv: paper.arxivId.trim().toLowerCase().replace(/v\d+$/, '') }
      : {}),
    title: typeof paper.title === 'string' ? normaliseTitle(paper.title.replace(/\$/g, '')) : '',
    firstAuthor: familyName(Array.isArray(paper.authors) ? paper.authors[0] : undefined),
    ...(year !== undefined && Number.isFinite(year) ? { year } : {}),
  };
}

/** Why `a` and `b` are the same paper, or undefined when they are not. */
function sameWork(a: Identity, b: Identity): string | undefined {
  if (a.doi && a.doi === b.doi) return `the same DOI ${a.doi}`;
  if (a.arxiv && a.arxiv === b.arxiv) return `the same arXiv id ${a.arxiv}`;
  if (!a.title || a.title !== b.title) return undefined;
  if (a.doi && b.doi) return undefined;
  if (a.arxiv && b.arxiv) return undefined;
  if (a.firstAuthor && b.firstAuthor && a.firstAuthor !== b.firstAuthor) return undefined;
  if (a.year !== undefined && b.year !== undefined && Math.abs(a.year - b.year) > 1) return undefined;
  return 'the same title';
}

/** Papers by identity, to find the one a new paper is the same as. */
class IdentityIndex<T> {
  private readonly byKey = new Map<string, { identity: Identity; value: T }[]>();

  add(identity: Identity, value: T): void {
    for (const key of this.keys(identity)) {
      const list = this.byKey.get(key) ?? [];
      list.push({ identity, value });
      this.byKey.set(key, list);
    }
  }

  /** The first paper that is the same as `identity` (and passes `accept`), with why. */
  find(identity: Identity, accept: (value: T) => boolean = () => true): { value: T; reason: string } | undefined {
    for (const key of this.keys(identity)) {
      for (const candidate of this.byKey.get(key) ?? []) {
        const reason = sameWork(identity, candidate.identity);
        if (reason && accept(candidate.value)) return { value: candidate.value, reason };
      }
    }
    return undefined;
  }

  private keys(identity: Identity): string[] {
    return [
      ...(identity.doi ? [`doi:${identity.doi}`] : []),
      ...(identity.arxiv ? [`arxiv:${identity.arxiv}`] : []),
      ...(identity.title ? [`title:${identity.title}`] : []),
    ];
  }
}

/**
 * The file name of a paper: its title's slug (any script, see src/lib/slug.ts) cut at a
 * word boundary; a title with nothing to spell a slug with takes the entry key, the arXiv
 * id or the DOI, and last a stable hash of the title, so no slug is ever empty or generic.
 */
export function paperSlug(data: { title: string; bibtexKey?: string; arxivId?: string; doi?: string }): string {
  const full =
    slugify(data.title.replace(/\$/g, '')) ||
    [data.bibtexKey, data.arxivId && `arxiv-${data.arxivId}`, data.doi && `doi-${data.doi}`]
      .map((candidate) => (candidate ? slugify(candidate) : ''))
      .find(Boolean) ||
    `paper-${createHash('sha256').update(data.title).digest('hex').slice(0, 10)}`;
  if (full.length <= MAX_SLUG_LENGTH) return full;
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : full.slice(0, MAX_SLUG_LENGTH);
}

/**
 * The file name for a paper whose slug another paper holds: the slug with a suffix from
 * the full title's slug (as files have always been named), else — when that one is taken
 * too, by another paper of the same title — from the title, key and identifiers, so it is
 * stable across re-imports and never overwrites anything.
 */
function suffixedName(
  slug: string,
  data: { title: string; bibtexKey?: string; arxivId?: string; doi?: string },
  isFree: (file: string) => boolean,
): string {
  const hash = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 6);
  const detailed = [data.title, data.bibtexKey, data.arxivId, data.doi].join('\u0000');
  const first = slugify(data.title.replace(/\$/g, '')) || detailed;
  for (let n = 0; ; n++) {
    const file = `${slug}-${hash(n === 0 ? first : n === 1 ? detailed : `${detailed}\u0000${n}`)}.md`;
    if (isFree(file)) return file;
  }
}

/** `<source>#<BibTeX key>`: the same entry of the same source file, whatever was edited since. */
function entryKey(from: string, bibtexKey: unknown): string | undefined {
  return typeof bibtexKey === 'string' && bibtexKey ? `${from}#${bibtexKey}` : undefined;
}

/** One top-level scalar of frontmatter the importer wrote itself, or undefined. */
function ownScalar(frontmatter: string, pattern: RegExp): string | undefined {
  const raw = pattern.exec(frontmatter)?.[1];
  if (raw === undefined) return undefined;
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string; // YAML's double-quoted style with JSON's escapes
    } catch {
      return (parseYaml(`v: ${raw}`) as { v: string }).v; // YAML-only escapes such as \x or \N
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replaceAll("''", "'");
  // Block scalars, anchors, tags: not a one-line value, let the YAML parser read it.
  if (/^[|>&*!]/.test(raw)) throw new Error('not a one-line scalar');
  return raw;
}

/**
 * The fields `existingPaper` needs from a file that is unedited importer output. A
 * re-import reads thousands of such files; parsing only these few lines (whose layout
 * `toMarkdown` fixes) instead of the whole YAML is what keeps it fast. Hand-edited files
 * take the full parser.
 */
function ownFields(frontmatter: string): Record<string, unknown> {
  const firstAuthor = ownScalar(frontmatter, /^authors:\n {2}- (.*)$/m);
  return {
    title: ownScalar(frontmatter, /^title: (.*)$/m),
    doi: ownScalar(frontmatter, /^doi: (.*)$/m),
    arxivId: ownScalar(frontmatter, /^arxivId: (.*)$/m),
    authors: firstAuthor === undefined ? [] : [firstAuthor],
    date: ownScalar(frontmatter, /^date: (.*)$/m),
    bibtexKey: ownScalar(frontmatter, /^bibtexKey: (.*)$/m),
    imported: { from: ownScalar(frontmatter, /^imported:\n {2}from: (.*)$/m) },
  };
}

/** An existing file's identity, the source it was imported from and its entry key (an unreadable file has none). */
function existingPaper(text: string): { identity?: Identity; from?: string; entry?: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return {};
  try {
    let data: unknown;
    try {
      data = isImporterOutput(text) ? ownFields(match[1]) : parseYaml(match[1]);
    } catch {
      data = parseYaml(match[1]);
    }
    if (!data || typeof data !== 'object') return {};
    const record = data as { imported?: { from?: unknown }; bibtexKey?: unknown; date?: unknown };
    const from = typeof record.imported?.from === 'string' ? record.imported.from : undefined;
    // A hand-written unquoted date is a Date to the YAML parser.
    const date = record.date instanceof Date ? record.date.toISOString() : record.date;
    return {
      identity: identityOf({ ...record, date }),
      from,
      entry: from ? entryKey(from, record.bibtexKey) : undefined,
    };
  } catch {
    // A file whose frontmatter does not parse fails the site build with its own message;
    // here it simply matches nothing.
    return {};
  }
}

/**
 * Plans the run. `existing` maps file names (`x.md`, no folder) in the output folder to
 * their text.
 */
export function planWrites(drafts: PaperDraft[], existing: ReadonlyMap<string, string>, options: PlanOptions): Plan {
  const actions: PlannedAction[] = [];
  const issues: ImportIssue[] = [];

  const existingIndex = new IdentityIndex<string>();
  const existingIdentity = new Map<string, Identity>();
  /** The source each existing file was imported from. */
  const existingFrom = new Map<string, string | undefined>();
  /** Files of each source entry (two entries of one file may share a key). */
  const filesOfEntry = new Map<string, string[]>();
  for (const [file, text] of existing) {
    const { identity, from, entry } = existingPaper(text);
    existingFrom.set(file, from);
    if (identity) {
      existingIndex.add(identity, file);
      existingIdentity.set(file, identity);
    }
    if (entry) filesOfEntry.set(entry, [...(filesOfEntry.get(entry) ?? []), file]);
  }
  const draftIndex = new IdentityIndex<{ file: string; line: number }>();
  const taken = new Set<string>();

  for (const draft of drafts) {
    const checked = paperSchema.safeParse(draft.data);
    if (!checked.success) {
      const problems = checked.error.issues
        .map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`)
        .join('; ');
      issues.push({
        file: options.from,
        line: draft.line,
        ...(draft.key ? { key: draft.key } : {}),
        message: `invalid entry (${problems}), expected fields matching the paper schema`,
      });
      continue;
    }
    const identity = identityOf(draft.data);

    // Where this paper lives: its slug, unless another paper holds that name.
    const slug = paperSlug(draft.data);
    const base = `${slug}.md`;
    const baseIdentity = existingIdentity.get(base);
    const baseIsSamePaper = baseIdentity !== undefined && sameWork(identity, baseIdentity) !== undefined;
    const isFree = (name: string): boolean => {
      if (taken.has(name)) return false;
      const holder = existingIdentity.get(name);
      return !existing.has(name) || (holder !== undefined && sameWork(identity, holder) !== undefined);
    };
    let file = base;
    if (taken.has(base) || (existing.has(base) && !baseIsSamePaper)) file = suffixedName(slug, draft.data, isFree);
    // The same entry of the same .bib keeps its file when its title is corrected in the source.
    const own = entryKey(options.from, draft.data.bibtexKey);
    const ownFiles = (own && filesOfEntry.get(own)) || [];
    const ownFile = ownFiles.includes(file) ? file : ownFiles.find((candidate) => !taken.has(candidate));
    if (ownFile && !taken.has(ownFile)) file = ownFile;

    const earlier = draftIndex.find(identity);
    if (earlier) {
      actions.push({
        kind: 'duplicate',
        file,
        duplicateOf: earlier.value.file,
        duplicateOfLine: earlier.value.line,
        reason: `${earlier.reason} as the entry at ${options.from}:${earlier.value.line}`,
        draft,
      });
      continue;
    }
    const elsewhere = existingIndex.find(identity, (other) => other !== file);
    if (elsewhere) {
      actions.push({
        kind: 'duplicate',
        file,
        duplicateOf: elsewhere.value,
        reason: `${elsewhere.reason} as an existing file`,
        draft,
      });
      continue;
    }
    // The same paper imported earlier from another source (a listing, another .bib): report it, never overwrite it.
    const current = existing.get(file);
    const otherSource = existingFrom.get(file);
    const sameHere = baseIdentity && file === base ? sameWork(identity, baseIdentity) : undefined;
    if (sameHere && otherSource !== undefined && otherSource !== options.from) {
      actions.push({
        kind: 'duplicate',
        file,
        duplicateOf: file,
        reason: `${sameHere} as an existing file imported from ${otherSource}:`,
        draft,
      });
      continue;
    }
    draftIndex.add(identity, { file, line: draft.line });
    taken.add(file);

    const text = toMarkdown(draft, options.from);
    if (current === undefined) actions.push({ kind: 'create', file, text, draft });
    else if (current === text) actions.push({ kind: 'unchanged', file, draft });
    else if (!options.force && !isImporterOutput(current)) actions.push({ kind: 'skipped-edited', file, draft });
    else actions.push({ kind: 'update', file, text, draft });
  }
  return { actions, issues };
}
