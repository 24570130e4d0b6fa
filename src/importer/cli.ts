/**
 * `npm run import -- <file> [--out content/papers] [--as-of YYYY-MM-DD] [--dry-run] [--force]
 * [--format listing|bibtex|ris|csl-json] [--files DIR] [--report FILE.json]`
 *
 * The only importer module that touches the file system: it reads the source and the
 * output folder, runs the pure parser and planner, copies the files entries name (with
 * `--files`), writes the plan, prints progress and the report. Exit codes: 0 all entries
 * imported (skipped and duplicate files are reported, not errors), 1 some entries were
 * malformed or invalid or the source has none, 2 the command itself was wrong. Whatever
 * happens, it prints a message, never a stack trace.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LINK_KINDS } from '../schema.ts';
import { planWrites, type Plan, type PlannedAction } from './plan.ts';
import { buildReport, type ImportReport } from './report.ts';
import { isSourceFormat, parseSource } from './source.ts';
import { formatIssue, SOURCE_FORMATS, type ImportIssue, type PaperDraft, type ParseResult } from './types.ts';

const USAGE = `Usage: npm run import -- <listing.txt|file.bib|file.ris|file.json> [options]

Options:
  --out <dir>          folder of paper files (default: content/papers)
  --as-of <date>       YYYY-MM-DD; a listing date without a year is the latest such day on or before it (default: today)
  --format <format>    listing, bibtex, ris or csl-json (default: from the file extension, then the content)
  --dry-run            show what would happen, write nothing
  --force              overwrite files edited by hand since they were imported
  --files <dir>        where the files entries name by a relative name live (al-folio's
                       pdf = {paper.pdf}); they are copied in next to the papers and linked
  --report <file>      also write the import report, entry by entry, as JSON
  -h, --help           show this help`;

/** Counts for the summary line. */
export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  duplicates: number;
  errors: number;
  /** Entries read that are not papers (a crossref target); left out of the line when 0. */
  notPapers?: number;
}

/** Where the CLI writes its output; tests pass their own. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** The summary line, e.g. `50 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors`. */
export function formatSummary(summary: ImportSummary, dryRun: boolean): string {
  const parts = [
    `${summary.imported} imported`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
    `${summary.skipped} skipped (edited by hand)`,
    `${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}`,
    `${summary.errors} error${summary.errors === 1 ? '' : 's'}`,
    ...(summary.notPapers ? [`${summary.notPapers} not a paper`] : []),
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
    case 'duplicate': {
      const other = path.join(out, action.duplicateOf);
      return `${from}:${action.draft.line}: duplicate, not written: "${action.draft.data.title}" has ${action.reason} ${action.duplicateOfLine === undefined ? other : `(${other})`}`;
    }
  }
}

/** A file to copy into the output folder: `[source, target]`. */
type Copy = [string, string];

/** Every file under `dir` by its base name (the first found), for entries that name only a file name. */
function filesByName(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string, depth: number): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && depth < 6 && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
        walk(full, depth + 1);
      } else if (entry.isFile() && !found.has(entry.name)) found.set(entry.name, full);
    }
  };
  walk(dir, 0);
  return found;
}

/**
 * The files entries name by a relative name (al-folio's `pdf = {paper.pdf}`), looked up in
 * `filesDir` (as written, then by base name anywhere below it): each found file is to be
 * copied to `<out>/files/<hash>/<name>` and becomes a link on the paper; the others are
 * named in the report. The folder is named after the file's content, so the same file
 * named by two entries is copied once and a re-import writes the same links.
 */
function attachFiles(
  drafts: readonly PaperDraft[],
  filesDir: string | undefined,
  out: string,
): { copies: Copy[]; leftOut: Map<number, string[]> } {
  const copies: Copy[] = [];
  const leftOut = new Map<number, string[]>();
  let index: Map<string, string> | undefined;
  for (const draft of drafts) {
    for (const attachment of draft.attachments ?? []) {
      const note = (message: string) => leftOut.set(draft.line, [...(leftOut.get(draft.line) ?? []), message]);
      const what = `${attachment.field} "${attachment.name}"`;
      if (!filesDir) {
        note(`${what} is a file name, not a web address; left out (pass --files DIR to copy it into the site)`);
        continue;
      }
      index ??= filesByName(filesDir);
      const base = path.basename(attachment.name);
      const found = [path.join(filesDir, attachment.name), path.join(filesDir, base), index.get(base)].find(
        (candidate): candidate is string =>
          candidate !== undefined && existsSync(candidate) && statSync(candidate).isFile(),
      );
      if (!found) {
        note(`${what} was not found in ${filesDir}; left out`);
        continue;
      }
      const hash = createHash('sha256').update(readFileSync(found)).digest('hex').slice(0, 12);
      const sitePath = `/files/${hash}/${encodeURIComponent(base)}`;
      copies.push([found, path.join(out, 'files', hash, base)]);
      const links = (draft.data.links ??= []);
      if (!links.some((link) => link.url === sitePath)) {
        links.push({ label: attachment.label, url: sitePath, kind: attachment.kind });
        // In the order of kinds, as an entry's own link fields are read and exported.
        links.sort((a, b) => LINK_KINDS.indexOf(a.kind ?? 'other') - LINK_KINDS.indexOf(b.kind ?? 'other'));
      }
    }
  }
  return { copies, leftOut };
}

/** Everything decided before anything is written. */
interface PreparedImport {
  parsed: ParseResult;
  plan: Plan;
  out: string;
  from: string;
  dryRun: boolean;
  /** Files to copy in (with `--files`). */
  copies: Copy[];
  report: ImportReport;
  /** Where to write the report as JSON (`--report`). */
  reportFile?: string;
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
        files: { type: 'string' },
        report: { type: 'string' },
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
  if (!existsSync(source) || !statSync(source).isFile()) {
    output.error(
      `${source}: no such file, expected a listing (.txt), BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file`,
    );
    return 2;
  }
  const filesDir = values.files;
  if (filesDir !== undefined && (!existsSync(filesDir) || !statSync(filesDir).isDirectory())) {
    output.error(`--files ${filesDir}: no such folder, expected the folder holding the files the entries name`);
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
  const { copies, leftOut } = attachFiles(parsed.papers, filesDir, out);
  const plan = planWrites(parsed.papers, existing, { from, force: values.force });
  const dryRun = values['dry-run'];
  const report = buildReport(parsed, plan, { from, out, dryRun, extraLeftOut: leftOut });
  return { parsed, plan, out, from, dryRun, copies, report, reportFile: values.report };
}

/** The files to write: `[path, text]`; none on a dry run. Creates the output folder and copies the entries' files. */
function writesOf({ plan, out, dryRun, copies }: PreparedImport): [string, string][] {
  if (dryRun) return [];
  mkdirSync(out, { recursive: true });
  for (const [from, to] of copies) {
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return plan.actions.flatMap((action) =>
    action.kind === 'create' || action.kind === 'update' ? [[path.join(out, action.file), action.text]] : [],
  );
}

/** Prints progress, issues and the summary, writes `--report`; returns the exit code. */
function report(prepared: PreparedImport, output: Output): number {
  const { parsed, plan, out, from, dryRun, report: full } = prepared;
  for (const action of plan.actions) {
    const line = describe(action, out, dryRun, from);
    if (line) output.log(line);
  }
  const issues: ImportIssue[] = [...parsed.issues, ...plan.issues].sort((a, b) => a.line - b.line);
  for (const issue of issues) output.error(formatIssue(issue));
  for (const notice of parsed.notices) output.log(`note: ${notice}`);
  for (const item of full.items) {
    for (const message of item.leftOut ?? []) {
      // The parser's notices named the values it dropped; the files looked for here are new.
      if (/^\w+ ".*" (?:is a file name|was not found in)/.test(message)) output.log(`note: ${item.at}: ${message}`);
    }
  }
  const { counts } = full;
  const summary: ImportSummary = {
    imported: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    skipped: counts['skipped-edited'],
    duplicates: counts.duplicate,
    errors: counts.error + full.sourceErrors.length,
    notPapers: counts['not-a-paper'],
  };
  output.log(formatSummary(summary, dryRun));
  if (prepared.reportFile) {
    writeFileSync(prepared.reportFile, `${JSON.stringify(full, null, 2)}\n`);
    output.log(`report of all ${full.entries} entries written to ${prepared.reportFile}`);
  }
  return summary.errors > 0 ? 1 : 0;
}

/** The one line printed for a failure nobody expected (a file that cannot be read, a full disk, a bug). */
function failed(output: Output, error: unknown): number {
  output.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

/** Runs the importer with `argv` (without `node cli.ts`), writing synchronously; returns the exit code. */
export function runImport(argv: string[], output: Output = console): number {
  try {
    const prepared = prepare(argv, output);
    if (typeof prepared === 'number') return prepared;
    for (const [file, text] of writesOf(prepared)) writeFileSync(file, text);
    return report(prepared, output);
  } catch (error) {
    return failed(output, error);
  }
}

/** How many files are written at once by `runImportAsync`. */
const WRITES_IN_FLIGHT = 16;

/**
 * `runImport` with the files written several at a time: on a busy or networked disk,
 * creating 10,000 files one after the other is most of an import's time.
 */
export async function runImportAsync(argv: string[], output: Output = console): Promise<number> {
  try {
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
  } catch (error) {
    return failed(output, error);
  }
}

// Run only when executed directly (tests import `runImport`).
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/importer/cli.ts')) {
  process.exitCode = await runImportAsync(process.argv.slice(2));
}
