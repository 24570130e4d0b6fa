/**
 * The import command on RIS and CSL-JSON files, end to end on a temporary folder, through
 * the same planner as BibTeX: format detection, file:line errors, re-imports, hand edits,
 * and duplicates by DOI, arXiv id and title, across formats.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importer/cli.ts';

const ZOTERO_RIS = 'tests/fixtures/ris/zotero/input.ris';
const ENDNOTE_RIS = 'tests/fixtures/ris/endnote/input.ris';
const ZOTERO_CSL = 'tests/fixtures/csl-json/zotero/input.json';
const BROKEN_CSL = 'tests/fixtures/csl-json/broken/input.json';

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'citation-cli-'));
  out = path.join(dir, 'papers');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; log: string[]; errors: string[] } {
  const log: string[] = [];
  const errors: string[] = [];
  const code = runImport(argv, { log: (line) => log.push(line), error: (line) => errors.push(line) });
  return { code, log, errors };
}

function snapshot(): Map<string, string> {
  return new Map(
    readdirSync(out)
      .sort()
      .map((name) => [name, readFileSync(path.join(out, name), 'utf8')]),
  );
}

describe('npm run import on RIS and CSL-JSON files', () => {
  it('writes one file per record, detected by extension, with the fields in the frontmatter', () => {
    const result = run(ZOTERO_RIS, '--out', out);
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    expect([...snapshot().keys()]).toEqual([
      'attention-is-all-you-need.md',
      'computing-numeric-representations-of-words-in-a-high.md',
      'deep-learning.md',
      'measuring-annotator-agreement-on-relation-extraction.md',
      'on-internal-language-representations-in-deep-learning-an.md',
    ]);
    const deep = snapshot().get('deep-learning.md') ?? '';
    for (const line of [
      'venue: Nature',
      'volume: "521"',
      'issue: "7553"',
      'pages: 436-444',
      'doi: 10.1038/nature14539',
    ]) {
      expect(deep).toContain(`\n${line}\n`);
    }
    expect(deep).toContain('\n  from: tests/fixtures/ris/zotero/input.ris\n');
    expect(result.log.at(-1)).toBe(
      '5 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
  });

  it('importing the same file twice leaves every file byte-identical', () => {
    for (const source of [ZOTERO_RIS, ZOTERO_CSL]) {
      run(source, '--out', out);
      const first = snapshot();
      const again = run(source, '--out', out);
      expect(again.code).toBe(0);
      expect(snapshot()).toEqual(first);
      expect(again.log.at(-1)).toMatch(/^0 imported, 0 updated, \d+ unchanged, 0 skipped \(edited by hand\)/);
    }
  });

  it('keeps a file edited by hand and says so, unless --force', () => {
    run(ZOTERO_RIS, '--out', out);
    const file = path.join(out, 'deep-learning.md');
    const edited = readFileSync(file, 'utf8').replace('venue: Nature', 'venue: Nature (London)');
    writeFileSync(file, edited);
    const again = run(ZOTERO_RIS, '--out', out);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(again.log).toContain(
      `skipped ${file}: edited by hand since it was imported, not overwritten (use --force to replace it)`,
    );
    run(ZOTERO_RIS, '--out', out, '--force');
    expect(readFileSync(file, 'utf8')).toContain('\nvenue: Nature\n');
  });

  it('finds the same paper in a CSL-JSON file after a RIS import: by DOI, by title, never twice', () => {
    run(ZOTERO_RIS, '--out', out);
    const before = snapshot();
    const result = run(ZOTERO_CSL, '--out', out);
    // Deep learning (same DOI) and Attention (same title) are already there; the patent too.
    const duplicates = result.log.filter((line) => line.includes(': duplicate, not written: '));
    expect(duplicates).toEqual([
      `${ZOTERO_CSL}:2: duplicate, not written: "Deep learning" has the same DOI 10.1038/nature14539 as an existing file imported from ${ZOTERO_RIS}: ${path.join(out, 'deep-learning.md')}`,
      `${ZOTERO_CSL}:54: duplicate, not written: "Attention is All you Need" has the same title as an existing file imported from ${ZOTERO_RIS}: ${path.join(out, 'attention-is-all-you-need.md')}`,
      `${ZOTERO_CSL}:84: duplicate, not written: "Computing numeric representations of words in a high-dimensional space" has the same title as an existing file imported from ${ZOTERO_RIS}: ${path.join(out, 'computing-numeric-representations-of-words-in-a-high.md')}`,
    ]);
    for (const [name, text] of before) expect(snapshot().get(name), name).toBe(text);
    expect(snapshot().size).toBe(before.size + 3);
  });

  it('finds an arXiv paper by its arXiv id whatever its title says', () => {
    writeFileSync(
      path.join(dir, 'first.ris'),
      'TY  - UNPB\nTI  - Linearity of relation decoding\nAU  - Hernandez, Evan\nUR  - https://arxiv.org/abs/2308.09124v2\nER  - \n',
    );
    run(path.join(dir, 'first.ris'), '--out', out);
    const result = run(ZOTERO_CSL, '--out', out);
    expect(result.log.find((line) => line.includes('Linearity'))).toMatch(
      /has the same arXiv id 2308\.09124 as an existing file/,
    );
  });

  it('names file and line (RIS) or line and JSON path (CSL-JSON) for entries it cannot import, and imports the rest', () => {
    const ris = run(ENDNOTE_RIS, '--out', out);
    expect(ris.code).toBe(1);
    expect(ris.errors).toEqual([`${ENDNOTE_RIS}:36: no title, expected a "TI  - " (or "T1  - ") line`]);
    expect(ris.log).toContain(
      `note: ${ENDNOTE_RIS}:14: record has no "ER  -" line before the next "TY  -" at line 21; read up to there`,
    );
    expect(ris.log.at(-1)).toBe(
      '3 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 1 error',
    );

    const csl = run(BROKEN_CSL, '--out', out);
    expect(csl.code).toBe(1);
    expect(csl.errors).toEqual([
      `${BROKEN_CSL}:9: $[1]: no title, expected a "title"`,
      `${BROKEN_CSL}:14: $[2]: is "just a string", expected a CSL item (an object with "type" and "title")`,
    ]);
    expect(csl.log.at(-1)).toBe(
      '4 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 2 errors',
    );
    // A month the date cannot keep is said, not silently lost.
    expect(csl.log.join('\n')).toMatch(/issued season spring \(month 13; a date keeps months only\) in 1 item/);
    expect(csl.log.join('\n')).toMatch(/issued month 27 \(not a month\) in 1 item/);
  });

  it('reads RIS and CSL-JSON by content when the file has another extension, or by --format', () => {
    const ris = path.join(dir, 'export.txt');
    writeFileSync(ris, readFileSync(ZOTERO_RIS));
    expect(run(ris, '--out', out, '--format', 'ris').log.at(-1)).toMatch(/^5 imported/);
    const json = path.join(dir, 'library');
    writeFileSync(json, readFileSync(ZOTERO_CSL));
    expect(run(json, '--out', path.join(dir, 'other')).log.at(-1)).toMatch(/^6 imported/);
  });
});
