/**
 * The write planner (pure): given the drafts of one run and the files already in the
 * output folder, decide for each draft what happens to it. The CLI only carries out the
 * plan, so everything here is testable without a file system.
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
  /** Same DOI, arXiv id or title as another file or an earlier draft: not written. */
  | { kind: 'duplicate'; file: string; duplicateOf: string; reason: string; draft: PaperDraft };

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

/**
 * Identity keys of a paper: `doi:`, `arxiv:` and `title:` (normalised; pass
 * `normalisedTitle` when it is already known, slugifying is the costly part).
 */
export function identityKeys(
  paper: { title?: unknown; doi?: unknown; arxivId?: unknown },
  normalisedTitle?: string,
): string[] {
  const keys: string[] = [];
  if (typeof paper.doi === 'string' && paper.doi) keys.push(`doi:${paper.doi.trim().toLowerCase()}`);
  if (typeof paper.arxivId === 'string' && paper.arxivId)
    keys.push(`arxiv:${paper.arxivId.trim().toLowerCase().replace(/v\d+$/, '')}`);
  if (typeof paper.title === 'string' && paper.title)
    keys.push(`title:${normalisedTitle ?? normaliseTitle(paper.title)}`);
  return keys;
}

/** A title reduced to what two spellings of it share (case, diacritics, punctuation, math). */
export function normaliseTitle(title: string): string {
  return slugify(title.replace(/\$/g, ''));
}

/** Readable slug from a normalised title (`normaliseTitle`): its words, cut at a word boundary. */
export function baseSlug(normalisedTitle: string): string {
  const full = normalisedTitle || 'paper';
  if (full.length <= MAX_SLUG_LENGTH) return full;
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : full.slice(0, MAX_SLUG_LENGTH);
}

/** The deterministic suffix for a slug taken by another paper: from the full title, so it is stable. */
function suffixed(slug: string, normalisedTitle: string): string {
  return `${slug}-${createHash('sha256').update(normalisedTitle).digest('hex').slice(0, 6)}`;
}

/**
 * `entry:<source>#<BibTeX key>`: the same entry of the same source file, whatever was
 * edited by hand since (a corrected title must not turn a re-import into a second file).
 */
function entryKey(from: string, bibtexKey: unknown): string[] {
  return typeof bibtexKey === 'string' && bibtexKey ? [`entry:${from}#${bibtexKey}`] : [];
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
 * The fields `existingKeys` needs from a file that is unedited importer output. A
 * re-import reads thousands of such files; parsing only these few lines (whose layout
 * `toMarkdown` fixes) instead of the whole YAML is what keeps it fast. Hand-edited files
 * take the full parser.
 */
function ownFields(frontmatter: string): Record<string, unknown> {
  return {
    title: ownScalar(frontmatter, /^title: (.*)$/m),
    doi: ownScalar(frontmatter, /^doi: (.*)$/m),
    arxivId: ownScalar(frontmatter, /^arxivId: (.*)$/m),
    bibtexKey: ownScalar(frontmatter, /^bibtexKey: (.*)$/m),
    imported: { from: ownScalar(frontmatter, /^imported:\n {2}from: (.*)$/m) },
  };
}

/** The identity keys of an existing file's frontmatter and the source it was imported from (an unreadable file has none). */
function existingKeys(text: string): { keys: string[]; from?: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return { keys: [] };
  try {
    let data: unknown;
    try {
      data = isImporterOutput(text) ? ownFields(match[1]) : parseYaml(match[1]);
    } catch {
      data = parseYaml(match[1]);
    }
    if (!data || typeof data !== 'object') return { keys: [] };
    const { imported, bibtexKey } = data as { imported?: { from?: unknown }; bibtexKey?: unknown };
    const from = typeof imported?.from === 'string' ? imported.from : undefined;
    return { keys: [...identityKeys(data), ...(from ? entryKey(from, bibtexKey) : [])], from };
  } catch {
    // A file whose frontmatter does not parse fails the site build with its own message;
    // here it simply matches nothing.
    return { keys: [] };
  }
}

function describeKey(key: string): string {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'entry') return `the same BibTeX key ${value.slice(value.lastIndexOf('#') + 1)}`;
  return kind === 'title' ? 'the same title' : kind === 'doi' ? `the same DOI ${value}` : `the same arXiv id ${value}`;
}

/**
 * Plans the run. `existing` maps file names (`x.md`, no folder) in the output folder to
 * their text.
 */
export function planWrites(drafts: PaperDraft[], existing: ReadonlyMap<string, string>, options: PlanOptions): Plan {
  const actions: PlannedAction[] = [];
  const issues: ImportIssue[] = [];

  const keyToExisting = new Map<string, string>();
  /** The source each existing file was imported from. */
  const existingFrom = new Map<string, string | undefined>();
  for (const [file, text] of existing) {
    const { keys, from } = existingKeys(text);
    existingFrom.set(file, from);
    for (const key of keys) if (!keyToExisting.has(key)) keyToExisting.set(key, file);
  }
  const keyToDraftFile = new Map<string, string>();
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
        message: `invalid entry (${problems}), expected fields matching the paper schema`,
      });
      continue;
    }
    const normalised = normaliseTitle(draft.data.title);
    const keys = [...identityKeys(draft.data, normalised), ...entryKey(options.from, draft.data.bibtexKey)];

    // Where this paper lives: its slug, unless another paper holds that name.
    const slug = baseSlug(normalised);
    const base = `${slug}.md`;
    const baseIsSamePaper = existing.has(base) && keys.some((key) => keyToExisting.get(key) === base);
    let file = base;
    if (taken.has(base) || (existing.has(base) && !baseIsSamePaper)) file = `${suffixed(slug, normalised)}.md`;
    // The same entry of the same .bib keeps its file when its title is corrected in the source.
    const ownFile = entryKey(options.from, draft.data.bibtexKey)
      .map((key) => keyToExisting.get(key))
      .find(Boolean);
    if (ownFile && !taken.has(ownFile)) file = ownFile;

    const earlier = keys.find((key) => keyToDraftFile.has(key));
    if (earlier) {
      actions.push({
        kind: 'duplicate',
        file,
        duplicateOf: keyToDraftFile.get(earlier) ?? '',
        reason: `${describeKey(earlier)} as an earlier entry of this import`,
        draft,
      });
      continue;
    }
    const elsewhere = keys.find((key) => keyToExisting.has(key) && keyToExisting.get(key) !== file);
    if (elsewhere) {
      actions.push({
        kind: 'duplicate',
        file,
        duplicateOf: keyToExisting.get(elsewhere) ?? '',
        reason: `${describeKey(elsewhere)} as an existing file`,
        draft,
      });
      continue;
    }
    // The same paper imported earlier from another source (a listing, another .bib): report it, never overwrite it.
    const sameHere = keys.find((key) => keyToExisting.get(key) === file);
    const otherSource = existingFrom.get(file);
    if (sameHere && otherSource !== undefined && otherSource !== options.from) {
      actions.push({
        kind: 'duplicate',
        file,
        duplicateOf: file,
        reason: `${describeKey(sameHere)} as an existing file imported from ${otherSource}:`,
        draft,
      });
      continue;
    }
    for (const key of keys) keyToDraftFile.set(key, file);
    taken.add(file);

    const text = toMarkdown(draft, options.from);
    const current = existing.get(file);
    if (current === undefined) actions.push({ kind: 'create', file, text, draft });
    else if (current === text) actions.push({ kind: 'unchanged', file, draft });
    else if (!options.force && !isImporterOutput(current)) actions.push({ kind: 'skipped-edited', file, draft });
    else actions.push({ kind: 'update', file, text, draft });
  }
  return { actions, issues };
}
