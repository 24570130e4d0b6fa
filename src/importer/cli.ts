/**
 * `npm run import -- <file> [--out content/papers] [--as-of YYYY-MM-DD] [--dry-run] [--force]
 * [--format listing|bibtex|ris|csl-json]`
 *
 * The only importer module that touches the file system: it reads the source and the
 * output folder, runs the pure parser and planner, writes the plan, prints progress and a
 * summary. Exit codes: 0 all entries imported (skipped and duplicate files are reported,
 * not errors), 1 some entries were malformed or invalid, 2 the command itself was wrong.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { planWrites, type Plan, type PlannedAction } from './plan.ts';
import { isSourceFormat, parseSource } from './source.ts';
import { formatIssue, SOURCE_FORMATS, type ImportIssue, type ParseResult } from './types.ts';

const USAGE = `Usage: npm run import -- <listing.txt|file.bib|file.ris|file.json> [options]

Options:
  --out <dir>          folder of paper files (default: content/papers)
  --as-of <date>       YYYY-MM-DD; a listing date without a year is the latest such day on or before it (default: today)
  --format <format>    listing, bibtex, ris or csl-json (default: from the file extension, then the content)
  --dry-run            show what would happen, write nothing
  --force              overwrite files edited by hand since they were imported
  -h, --help           show this help`;

/** Counts for the summary line. */
export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  duplicates: number;
  errors: number;
}

/** Where the CLI writes its output; tests pass their own. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** The summary line, e.g. `50 imported, 0 updated, 0 unchanged, 0 skipped (edited), 0 duplicates, 0 errors`. */
export function formatSummary(summary: ImportSummary, dryRun: boolean): string {
  const parts = [
    `${summary.imported} imported`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
    `${summary.skipped} skipped (edited by hand)`,
    `${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}`,
    `${summary.errors} error${summary.errors === 1 ? '' : 's'}`,
  ];
  return `${dryRun ? 'Dry run, nothing written: ' : ''}${parts.join(', ')}`;
}

function describe(action: PlannedAction, out: string, dryRun: boolean, from: string): string | undefined {
  const target = path.join(out, action.file);
  switch (action.kind) {
    case 'create':
      return `${dryRun ? 'would create' : 'created'} ${target}`;
    case 'update':
      return `${dryRun ? 'would update' : 'updated'} ${target}`;
    case 'unchanged':
      return undefined;
    case 'skipped-edited':
      return `skipped ${target}: edited by hand since it was imported, not overwritten (use --force to replace it)`;
    case 'duplicate':
      return `${from}:${action.draft.line}: duplicate, not written: "${action.draft.data.title}" has ${action.reason} ${path.join(out, action.duplicateOf)}`;
  }
}

/** Everything decided before anything is written. */
interface PreparedImport {
  parsed: ParseResult;
  plan: Plan;
  out: string;
  from: string;
  dryRun: boolean;
}

/** Reads the arguments, the source and the output folder, and plans; a number is an early exit code. */
function prepare(argv: string[], output: Output): PreparedImport | number {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content/papers' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    output.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsedArgs;
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    output.error(`expected one source file, got ${positionals.length}\n\n${USAGE}`);
    return 2;
  }
  const format = values.format;
  if (format !== undefined && !isSourceFormat(format)) {
    output.error(`unknown --format "${format}", expected ${SOURCE_FORMATS.join(', ')}`);
    return 2;
  }
  const source = positionals[0];
  if (!existsSync(source)) {
    output.error(
      `${source}: no such file, expected a listing (.txt), BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file`,
    );
    return 2;
  }
  // Written into every file's `imported.from`: relative and with `/` so it does not
  // depend on the machine or the folder the command ran in… beyond the repository root.
  const from = path.relative(process.cwd(), path.resolve(source)).split(path.sep).join('/');
  const out = values.out;

  const parsed = parseSource(readFileSync(source, 'utf8'), { file: from, format, asOf: values['as-of'] });
  const existing = new Map<string, string>();
  if (existsSync(out)) {
    for (const name of readdirSync(out)) {
      if (name.endsWith('.md')) existing.set(name, readFileSync(path.join(out, name), 'utf8'));
    }
  }
  const plan = planWrites(parsed.papers, existing, { from, force: values.force });
  return { parsed, plan, out, from, dryRun: values['dry-run'] };
}

/** The files to write: `[path, text]`; none on a dry run. Creates the output folder. */
function writesOf({ plan, out, dryRun }: PreparedImport): [string, string][] {
  if (dryRun) return [];
  mkdirSync(out, { recursive: true });
  return plan.actions.flatMap((action) =>
    action.kind === 'create' || action.kind === 'update' ? [[path.join(out, action.file), action.text]] : [],
  );
}

/** Prints progress, issues and the summary; returns the exit code. */
function report({ parsed, plan, out, from, dryRun }: PreparedImport, output: Output): number {
  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, skipped: 0, duplicates: 0, errors: 0 };
  for (const action of plan.actions) {
    if (action.kind === 'create') summary.imported++;
    else if (action.kind === 'update') summary.updated++;
    else if (action.kind === 'unchanged') summary.unchanged++;
    else if (action.kind === 'skipped-edited') summary.skipped++;
    else summary.duplicates++;
    const line = describe(action, out, dryRun, from);
    if (line) output.log(line);
  }
  const issues: ImportIssue[] = [...parsed.issues, ...plan.issues].sort((a, b) => a.line - b.line);
  for (const issue of issues) output.error(formatIssue(issue));
  for (const notice of parsed.notices) output.log(`note: ${notice}`);
  summary.errors = issues.length;
  output.log(formatSummary(summary, dryRun));
  return issues.length > 0 ? 1 : 0;
}

/** Runs the importer with `argv` (without `node cli.ts`), writing synchronously; returns the exit code. */
export function runImport(argv: string[], output: Output = console): number {
  const prepared = prepare(argv, output);
  if (typeof prepared === 'number') return prepared;
  for (const [file, text] of writesOf(prepared)) writeFileSync(file, text);
  return report(prepared, output);
}

/** How many files are written at once by `runImportAsync`. */
const WRITES_IN_FLIGHT = 16;

/**
 * `runImport` with the files written several at a time: on a busy or networked disk,
 * creating 10,000 files one after the other is most of an import's time.
 */
export async function runImportAsync(argv: string[], output: Output = console): Promise<number> {
  const prepared = prepare(argv, output);
  if (typeof prepared === 'number') return prepared;
  const writes = writesOf(prepared);
  let next = 0;
  const writer = async () => {
    while (next < writes.length) {
      const [file, text] = writes[next++];
      await writeFile(file, text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, writes.length) }, writer));
  return report(prepared, output);
}

// Run only when executed directly (tests import `runImport`).
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/importer/cli.ts')) {
  process.exitCode = await runImportAsync(process.argv.slice(2));
}
