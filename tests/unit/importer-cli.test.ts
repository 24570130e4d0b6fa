/**
 * The import command as a user runs it: files written, re-imports, hand edits, --force,
 * --dry-run, duplicates across runs, the summary line and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runImport, runImportAsync } from '../../src/importer/cli.ts';

const SEED = 'content/listings/seed-2026-11.txt';
const scratch = mkdtempSync(join(tmpdir(), 'importer-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let out: string;
let runs = 0;
beforeEach(() => {
  out = join(scratch, `out-${++runs}`);
});

/** Runs the importer in-process and captures what it prints. */
function run(...args: string[]) {
  const log: string[] = [];
  const errors: string[] = [];
  const code = runImport(args, { log: (line) => log.push(line), error: (line) => errors.push(line) });
  return { code, log, errors, summary: log[log.length - 1] };
}

/** Every file in `folder` with its bytes. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((file) => [file, readFileSync(join(folder, file), 'utf8')]),
  );
}

describe('npm run import', () => {
  it('imports the seed listing: 50 files, a summary line, exit code 0', () => {
    const first = run(SEED, '--out', out, '--as-of', '2026-11-25');
    expect(first.code).toBe(0);
    expect(first.errors).toEqual([]);
    expect(first.summary).toBe(
      '50 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
    expect(first.log).toContain(`created ${join(out, 'bloom-a-176b-parameter-open-access-multilingual-language.md')}`);
    expect(readdirSync(out)).toHaveLength(50);
  });

  it('leaves the reading notes untouched when the seed is imported again over the site’s content, even with --force', () => {
    const content = join(scratch, `content-${++runs}`);
    cpSync('content/papers', join(content, 'papers'), { recursive: true });
    cpSync('content/notes', join(content, 'notes'), { recursive: true });
    const notesBefore = snapshot(join(content, 'notes'));
    expect(Object.keys(notesBefore).length).toBeGreaterThan(0);
    const again = run(SEED, '--out', join(content, 'papers'), '--as-of', '2026-11-25');
    expect(again.summary).toBe(
      '0 imported, 0 updated, 50 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
    run(SEED, '--out', join(content, 'papers'), '--as-of', '2026-11-25', '--force');
    expect(snapshot(join(content, 'notes'))).toEqual(notesBefore);
    expect(readdirSync(content).sort()).toEqual(['notes', 'papers']);
  });

  it('writes byte-identical files when the same listing is imported twice', () => {
    run(SEED, '--out', out, '--as-of', '2026-11-25');
    const before = snapshot(out);
    const second = run(SEED, '--out', out, '--as-of', '2026-11-25');
    expect(second.code).toBe(0);
    expect(second.summary).toBe(
      '0 imported, 0 updated, 50 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('never overwrites a file edited by hand, reports it, and replaces it with --force', () => {
    run(SEED, '--out', out, '--as-of', '2026-11-25');
    const file = join(out, 'emergent-quantized-communication.md');
    const edited = readFileSync(file, 'utf8').replace('hasCode: false', 'hasCode: false\ntags:\n  - communication');
    writeFileSync(file, edited);

    // An earlier --as-of moves the 7 undated entries after Mar 1 back a year, so the
    // importer has real updates to make.
    const again = run(SEED, '--out', out, '--as-of', '2026-03-01');
    expect(again.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(again.log).toContain(
      `skipped ${file}: edited by hand since it was imported, not overwritten (use --force to replace it)`,
    );
    expect(again.summary).toMatch(
      /^0 imported, 7 updated, 42 unchanged, 1 skipped \(edited by hand\), 0 duplicates, 0 errors$/,
    );
    expect(readFileSync(join(out, 'pitfalls-in-evaluating-interpretability-agents.md'), 'utf8')).toContain(
      'date: 2025-03-20',
    );

    const forced = run(SEED, '--out', out, '--as-of', '2026-03-01', '--force');
    expect(forced.summary).toBe(
      '0 imported, 1 updated, 49 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
    expect(readFileSync(file, 'utf8')).not.toContain('communication\n');
  });

  it('treats a hand-written file without an import hash as edited', () => {
    mkdirSync(out);
    const own =
      '---\ntitle: Emergent Quantized Communication\nauthors: [Boaz Carmeli]\ndate: 2022-11-04\ncategory: cs.AI\n---\nMy notes.\n';
    writeFileSync(join(out, 'emergent-quantized-communication.md'), own);
    const result = run(SEED, '--out', out, '--as-of', '2026-11-25');
    expect(result.summary).toBe(
      '49 imported, 0 updated, 0 unchanged, 1 skipped (edited by hand), 0 duplicates, 0 errors',
    );
    expect(readFileSync(join(out, 'emergent-quantized-communication.md'), 'utf8')).toBe(own);
  });

  it('reports a paper already in the folder under another file name as a duplicate', () => {
    mkdirSync(out);
    const other =
      '---\ntitle: "BLOOM: a 176B-parameter open-access multilingual language model"\nauthors: [BigScience Workshop]\ndate: 2022-11-09\ncategory: cs.CL\n---\n';
    writeFileSync(join(out, 'bloom.md'), other);
    const result = run(SEED, '--out', out, '--as-of', '2026-11-25');
    expect(result.code).toBe(0);
    expect(result.log).toContain(
      `${SEED}:4: duplicate, not written: "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model" has the same title as an existing file ${join(out, 'bloom.md')}`,
    );
    expect(result.summary).toBe(
      '49 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 1 duplicate, 0 errors',
    );
    expect(existsSync(join(out, 'bloom-a-176b-parameter-open-access-multilingual-language.md'))).toBe(false);
  });

  it('writes nothing with --dry-run but says what it would do', () => {
    const result = run(SEED, '--out', out, '--as-of', '2026-11-25', '--dry-run');
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(result.log).toContain(`would create ${join(out, 'emergent-quantized-communication.md')}`);
    expect(result.summary).toBe(
      'Dry run, nothing written: 50 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
  });

  it('exits 1 when an entry is malformed, after importing the others', () => {
    const input = 'tests/fixtures/listing/malformed/input.txt';
    const result = run(input, '--out', out, '--as-of', '2026-11-25');
    expect(result.code).toBe(1);
    expect(result.errors[0]).toBe(
      `${input}:4: unknown category "XY", expected an arXiv cs code such as CL, CV, LG, AI, IR or RO`,
    );
    expect(readdirSync(out).sort()).toEqual(['a-valid-first-paper.md', 'a-valid-last-paper.md']);
  });

  it('exits 2 with a message for a missing file, an unknown option or a bad --format', () => {
    const missing = run('no/such/listing.txt', '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.errors[0]).toBe(
      'no/such/listing.txt: no such file, expected a listing (.txt), BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file',
    );
    expect(run(SEED, '--frobnicate').code).toBe(2);
    const format = run(SEED, '--format', 'csv');
    expect(format.code).toBe(2);
    expect(format.errors[0]).toBe('unknown --format "csv", expected listing, bibtex, ris, csl-json');
    expect(run().code).toBe(2);
  });

  it('reports a bad --as-of as an error', () => {
    const result = run(SEED, '--out', out, '--as-of', '2026-02-31');
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([`${SEED}:1: --as-of "2026-02-31" is not a date, expected YYYY-MM-DD`]);
  });

  it('reads a listing whose name does not end in .txt when --format says so', () => {
    const renamed = join(scratch, 'seed.listing');
    cpSync(SEED, renamed);
    const result = run(renamed, '--out', out, '--as-of', '2026-11-25', '--format', 'listing');
    expect(result.summary).toMatch(/^50 imported,/);
  });

  it('writes the same files when writing several at a time, as the command line does', async () => {
    run(SEED, '--out', out, '--as-of', '2026-11-25');
    const parallel = join(scratch, `parallel-${runs}`);
    const log: string[] = [];
    const code = await runImportAsync([SEED, '--out', parallel, '--as-of', '2026-11-25'], {
      log: (line) => log.push(line),
      error: (line) => log.push(line),
    });
    expect(code).toBe(0);
    expect(log.at(-1)).toBe('50 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors');
    expect(snapshot(parallel)).toEqual(snapshot(out));
  });

  it('runs as `npm run import` in a real process with the exit code and summary', () => {
    const child = spawnSync(
      process.execPath,
      ['src/importer/cli.ts', 'tests/fixtures/listing/malformed/input.txt', '--out', out, '--as-of', '2026-11-25'],
      {
        encoding: 'utf8',
      },
    );
    expect(child.status).toBe(1);
    expect(child.stdout.trim().split('\n').pop()).toBe(
      '2 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 7 errors',
    );
    expect(child.stderr).toContain('tests/fixtures/listing/malformed/input.txt:7: impossible date "Feb 31, 2024"');
  });
});
