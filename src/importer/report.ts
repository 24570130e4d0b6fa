/**
 * The import report (pure): one record per entry of the source, in source order, saying
 * what became of it — created, updated, unchanged, skipped (edited by hand), duplicate
 * (of which earlier entry or file), error (why), not a paper — and what of it was left
 * out. The counts add up to the entries in the source. The CLI prints it and, with
 * `--report FILE.json`, writes it as JSON.
 */
import type { Plan, PlannedAction } from './plan.ts';
import type { ImportIssue, ParseResult } from './types.ts';

/** What became of one entry. */
export type EntryStatus =
  'created' | 'updated' | 'unchanged' | 'skipped-edited' | 'duplicate' | 'error' | 'not-a-paper';

export const ENTRY_STATUSES: readonly EntryStatus[] = [
  'created',
  'updated',
  'unchanged',
  'skipped-edited',
  'duplicate',
  'error',
  'not-a-paper',
];

/** One entry of the source in the report. */
export interface ReportEntry {
  /** `file:line` of the entry in the source. */
  at: string;
  line: number;
  /** The entry key (BibTeX), when it has one. */
  key?: string;
  title?: string;
  status: EntryStatus;
  /** The paper file written, kept or meant (created, updated, unchanged, skipped, duplicate). */
  file?: string;
  /** Duplicate: the file of the paper it duplicates, and the earlier entry's `file:line` when it is of this source. */
  duplicateOf?: string;
  duplicateOfEntry?: string;
  /** Duplicate, error or not a paper: why. */
  reason?: string;
  /** What of the entry was not imported. */
  leftOut?: string[];
  warnings?: string[];
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  /** Entries in the source: the sum of `counts`. */
  entries: number;
  counts: Record<EntryStatus, number>;
  items: ReportEntry[];
  /** Problems with the source as a whole (no entries at all). */
  sourceErrors: string[];
  notices: string[];
}

const ACTION_STATUS: Record<PlannedAction['kind'], EntryStatus> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  'skipped-edited': 'skipped-edited',
  duplicate: 'duplicate',
};

/** Extra things the CLI learnt about a draft's entry (its files, see `--files`), by source line. */
export type ExtraLeftOut = ReadonlyMap<number, string[]>;

/**
 * The report of one run. `out` is the output folder as the user named it (file paths in
 * the report are `out/name.md`).
 */
export function buildReport(
  parsed: ParseResult,
  plan: Plan,
  options: { from: string; out: string; dryRun: boolean; extraLeftOut?: ExtraLeftOut },
): ImportReport {
  const { from, out } = options;
  const inOut = (file: string): string => `${out.replace(/\/+$/, '')}/${file}`;
  const items: ReportEntry[] = [];
  const sourceErrors: string[] = [];

  for (const action of plan.actions) {
    const { draft } = action;
    const leftOut = [...(draft.leftOut ?? []), ...(options.extraLeftOut?.get(draft.line) ?? [])];
    items.push({
      at: `${from}:${draft.line}`,
      line: draft.line,
      ...(draft.key ? { key: draft.key } : {}),
      title: draft.data.title,
      status: ACTION_STATUS[action.kind],
      file: inOut(action.file),
      ...(action.kind === 'duplicate'
        ? {
            duplicateOf: inOut(action.duplicateOf),
            ...(action.duplicateOfLine !== undefined ? { duplicateOfEntry: `${from}:${action.duplicateOfLine}` } : {}),
            reason: action.reason,
          }
        : {}),
      ...(action.kind === 'skipped-edited'
        ? { reason: 'edited by hand since it was imported; not overwritten (use --force)' }
        : {}),
      ...(leftOut.length ? { leftOut } : {}),
      ...(draft.warnings?.length ? { warnings: draft.warnings } : {}),
    });
  }
  const errors: ImportIssue[] = [...parsed.issues, ...plan.issues];
  for (const issue of errors) {
    if (issue.wholeSource) {
      sourceErrors.push(`${issue.file}:${issue.line}: ${issue.message}`);
      continue;
    }
    items.push({
      at: `${issue.file}:${issue.line}`,
      line: issue.line,
      ...(issue.key ? { key: issue.key } : {}),
      status: 'error',
      reason: issue.message,
    });
  }
  for (const entry of parsed.notPapers ?? []) {
    items.push({
      at: `${from}:${entry.line}`,
      line: entry.line,
      key: entry.key,
      status: 'not-a-paper',
      reason: entry.reason,
    });
  }
  items.sort((a, b) => a.line - b.line);

  const counts = Object.fromEntries(ENTRY_STATUSES.map((status) => [status, 0])) as Record<EntryStatus, number>;
  for (const item of items) counts[item.status]++;
  return {
    source: from,
    dryRun: options.dryRun,
    entries: items.length,
    counts,
    items,
    sourceErrors,
    notices: parsed.notices,
  };
}
