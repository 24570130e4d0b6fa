/**
 * The import command on `.bib` files, end to end on a temporary folder: format detection,
 * exit codes, messages, re-imports, hand edits and duplicates (within the file and against
 * papers imported earlier from a listing).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importer/cli.ts';

const STRUCTURE = 'tests/fixtures/bibtex/structure/input.bib';
const MALFORMED = 'tests/fixtures/bibtex/malformed/input.bib';

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bibtex-cli-'));
  out = path.join(dir, 'papers');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command and keeps what it printed. */
function run(...argv: string[]): { code: number; log: string[]; errors: string[] } {
  const log: string[] = [];
  const errors: string[] = [];
  const code = runImport(argv, { log: (line) => log.push(line), error: (line) => errors.push(line) });
  return { code, log, errors };
}

/** Every file in the output folder with its bytes. */
function snapshot(): Map<string, string> {
  return new Map(
    readdirSync(out)
      .sort()
      .map((name) => [name, readFileSync(path.join(out, name), 'utf8')]),
  );
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('npm run import on a .bib file', () => {
  it('writes one file per entry, with the entry key, type and venue in its frontmatter', () => {
    const result = run(STRUCTURE, '--out', out);
    expect(result.code).toBe(0);
    expect(result.errors).toEqual([]);
    expect([...snapshot().keys()]).toEqual([
      'a-preprint-with-no-venue.md',
      'a-survey-of-interpretability-methods.md',
      'a-technical-report.md',
      'probing-nested-braces-deeply-in-language-models.md',
      'the-nlp-book.md',
      'understanding-representations.md',
    ]);
    const probing = snapshot().get('probing-nested-braces-deeply-in-language-models.md') ?? '';
    expect(probing).toContain('\nbibtexKey: lab2023probing\n');
    expect(probing).toContain('\nbibtexType: inproceedings\n');
    expect(probing).toContain(
      '\nvenue: Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics\n',
    );
    expect(result.log.at(-1)).toBe(
      '6 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
  });

  it('importing the same .bib twice leaves every file byte-identical', () => {
    run(STRUCTURE, '--out', out);
    const first = snapshot();
    const again = run(STRUCTURE, '--out', out);
    expect(again.code).toBe(0);
    expect(snapshot()).toEqual(first);
    expect(again.log.at(-1)).toBe(
      '0 imported, 0 updated, 6 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
  });

  it('a file edited by hand is not overwritten without --force, and is with it', () => {
    run(STRUCTURE, '--out', out);
    const file = path.join(out, 'the-nlp-book.md');
    const edited = readFileSync(file, 'utf8').replace('title: The NLP Book', 'title: The NLP Book (2nd edition)');
    writeFileSync(file, edited);

    const again = run(STRUCTURE, '--out', out);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(again.log).toContain(
      `skipped ${file}: edited by hand since it was imported, not overwritten (use --force to replace it)`,
    );

    const forced = run(STRUCTURE, '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('title: The NLP Book\n');
  });

  it("a title corrected in the .bib updates the paper's existing file instead of adding a second one", () => {
    const first = write(
      'lab.bib',
      '@article{k1, title = {A Tpyo in the Title}, author = {Smith, Ann}, year = 2020, primaryClass = {cs.CL}}\n',
    );
    run(first, '--out', out);
    expect([...snapshot().keys()]).toEqual(['a-tpyo-in-the-title.md']);

    write(
      'lab.bib',
      '@article{k1, title = {A Typo in the Title}, author = {Smith, Ann}, year = 2020, primaryClass = {cs.CL}}\n',
    );
    const again = run(first, '--out', out);
    expect(again.code).toBe(0);
    expect([...snapshot().keys()]).toEqual(['a-tpyo-in-the-title.md']);
    expect(snapshot().get('a-tpyo-in-the-title.md')).toContain('\ntitle: A Typo in the Title\n');
    expect(again.log.at(-1)).toBe(
      '0 imported, 1 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
  });

  it('a file without the .bib extension is read as BibTeX from its content, and --format bibtex forces it', () => {
    const bib = readFileSync(STRUCTURE, 'utf8');
    const detected = run(write('lab-publications', bib), '--out', out);
    expect(detected.code).toBe(0);
    expect(snapshot().size).toBe(6);

    rmSync(out, { recursive: true });
    const forced = run(write('lab-publications.txt', bib), '--out', out, '--format', 'bibtex');
    expect(forced.code).toBe(0);
    expect(snapshot().size).toBe(6);
  });

  it('broken entries are reported as file:line, the others are written and the exit code is 1', () => {
    const result = run(MALFORMED, '--out', out);
    expect(result.code).toBe(1);
    expect([...snapshot().keys()]).toEqual([
      'bad-month.md',
      'bad-year.md',
      'impossible-day.md',
      'nobody-wrote-this.md',
      'the-first-good-entry.md',
      'the-last-good-entry.md',
      'undefined-string.md',
    ]);
    const from = MALFORMED;
    expect(result.errors).toEqual([
      `${from}:10: entry "missing-comma" (@article) could not be read: Token mismatch, expected "}", found "author = {Smith, Ann"... at line 12 (is the comma before "author =" missing?). The entry was skipped`,
      `${from}:16: entry "no-title" (@article): no title, expected title = {…}. The entry was skipped`,
      `${from}:60: entry "unclosed" (@article) could not be read: its braces do not balance (1 { more than }), so the entry never ends. The entry was skipped`,
    ]);
    expect(result.log).toContain(
      `note: ${from}:24: bad-year: year "in press" is not a year; imported as undated (n.d.)`,
    );
    expect(result.log.at(-1)).toBe(
      '7 imported, 0 updated, 0 unchanged, 0 skipped (edited by hand), 0 duplicates, 3 errors',
    );
  });

  it('an entry without a category gets none, and the run says so', () => {
    const file = write('one.bib', '@article{plain, title = {No Category Here}, author = {Smith, Ann}, year = 2021}\n');
    const result = run(file, '--out', out);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(out, 'no-category-here.md'), 'utf8')).not.toContain('category:');
    expect(result.log).toContain('note: 1 entry names no arXiv primaryClass and has no topic: plain');
  });

  it('the report accounts for every entry of the file, and --report writes it as JSON', () => {
    const report = path.join(dir, 'report.json');
    const result = run(MALFORMED, '--out', out, '--report', report);
    expect(result.log.at(-1)).toBe(`report of all 10 entries written to ${report}`);
    const written = JSON.parse(readFileSync(report, 'utf8')) as {
      entries: number;
      counts: Record<string, number>;
      items: { at: string; status: string; leftOut?: string[]; reason?: string }[];
    };
    const entriesInFile = (readFileSync(MALFORMED, 'utf8').match(/^@\w+\{/gm) ?? []).length;
    expect(written.entries).toBe(entriesInFile);
    expect(Object.values(written.counts).reduce((a, b) => a + b, 0)).toBe(entriesInFile);
    expect(written.counts).toMatchObject({ created: 7, error: 3 });
    expect(written.items.map((item) => `${item.at} ${item.status}`)).toEqual([
      `${MALFORMED}:1 created`,
      `${MALFORMED}:10 error`,
      `${MALFORMED}:16 error`,
      `${MALFORMED}:21 created`,
      `${MALFORMED}:27 created`,
      `${MALFORMED}:34 created`,
      `${MALFORMED}:40 created`,
      `${MALFORMED}:45 created`,
      `${MALFORMED}:53 created`,
      `${MALFORMED}:60 error`,
    ]);
    expect(written.items[4].leftOut).toEqual([
      'month "13" is not a month (expected 1–12 or jan … dec); only the year was kept',
    ]);
  });

  it('a source with no entries at all says so and exits 1', () => {
    const result = run(write('empty.bib', '% nothing here yet\n'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      `${path.relative(process.cwd(), path.join(dir, 'empty.bib'))}:1: no BibTeX entries found, expected entries such as @article{key, title = {…}, author = {…}, year = {…}}`,
    ]);
    const listing = run(write('empty.txt', '\n\n'), '--out', out);
    expect(listing.code).toBe(1);
    expect(listing.errors[0]).toMatch(/empty\.txt:1: no papers found/);
  });

  it('never prints a stack trace, even when the output folder cannot be written', () => {
    const blocker = write('not-a-folder', 'a file where the output folder should be');
    const result = run(STRUCTURE, '--out', path.join(blocker, 'papers'));
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^import failed: /);
    expect(result.errors[0]).not.toMatch(/\n\s+at /);
  });
});

describe('duplicates in a .bib import', () => {
  it('entries with the same DOI, arXiv id or title as an earlier entry are reported, not written twice', () => {
    const file = write(
      'dupes.bib',
      `@article{first, title = {Original Paper}, author = {Smith, Ann}, year = 2020, doi = {10.1000/xyz}, eprint = {2001.00001}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}
@article{same-doi, title = {Renamed Paper}, author = {Smith, Ann}, year = 2020, doi = {https://doi.org/10.1000/XYZ}}
@article{same-arxiv, title = {Another Name}, author = {Smith, Ann}, year = 2020, eprint = {arXiv:2001.00001v3}, archivePrefix = {arXiv}}
@article{same-title, title = {{ORIGINAL} paper}, author = {Smith, Ann}, year = 2021}
`,
    );
    const result = run(file, '--out', out);
    expect([...snapshot().keys()]).toEqual(['original-paper.md']);
    const from = path.relative(process.cwd(), file);
    const target = path.join(out, 'original-paper.md');
    const duplicates = result.log.filter((line) => line.includes(': duplicate, not written: '));
    expect(duplicates).toEqual([
      `${from}:2: duplicate, not written: "Renamed Paper" has the same DOI 10.1000/xyz as the entry at ${from}:1 (${target})`,
      `${from}:3: duplicate, not written: "Another Name" has the same arXiv id 2001.00001 as the entry at ${from}:1 (${target})`,
      `${from}:4: duplicate, not written: "ORIGINAL paper" has the same title as the entry at ${from}:1 (${target})`,
    ]);
  });

  it('papers that only share a title are not duplicates when their authors, identifiers or years differ', () => {
    const file = write(
      'editorials.bib',
      `@article{ed2010, title = {Introduction}, author = {Smith, Ann}, year = 2010, journal = {J. Tests}}
@article{ed2020, title = {Introduction}, author = {Smith, Ann}, year = 2020, journal = {J. Tests}}
@article{other, title = {Introduction}, author = {Roe, Richard}, year = 2020, journal = {J. Other}}
@article{doi1, title = {Preface}, author = {Lee, Kim}, year = 2019, doi = {10.1000/one}}
@article{doi2, title = {Preface}, author = {Lee, Kim}, year = 2019, doi = {10.1000/two}}
@misc{cjk1, title = {{注意力机制}}, author = {Wang, Li}, year = 2021}
@misc{cjk2, title = {{卷积网络}}, author = {Wang, Li}, year = 2021}
@misc{sym1, title = {{???}}, author = {Wang, Li}, year = 2021}
@misc{sym2, title = {{!!!}}, author = {Wang, Li}, year = 2021}
`,
    );
    const result = run(file, '--out', out);
    expect(result.code).toBe(0);
    expect(result.log.filter((line) => line.includes('duplicate, not written'))).toEqual([]);
    expect(snapshot().size).toBe(9);
    expect([...snapshot().keys()]).toEqual(
      expect.arrayContaining(['zhu-yi-li-ji-zhi.md', 'juan-ji-wang-luo.md', 'sym1.md', 'sym2.md']),
    );
  });

  it('two different entries with the same key are both kept, with a warning, and a re-import keeps both files', () => {
    const file = write(
      'keys.bib',
      `@article{smith2020, title = {First Paper Under the Key}, author = {Smith, Ann}, year = 2020}
@article{smith2020, title = {Second Paper Under the Key}, author = {Smith, Ann}, year = 2020}
`,
    );
    const result = run(file, '--out', out);
    expect(result.code).toBe(0);
    expect([...snapshot().keys()]).toEqual(['first-paper-under-the-key.md', 'second-paper-under-the-key.md']);
    expect(result.log).toContain(
      `note: ${path.relative(process.cwd(), file)}:2: the key smith2020 is also the key of the entry at line 1; both were imported (the site's BibTeX gives this one another key)`,
    );
    const first = snapshot();
    const again = run(file, '--out', out);
    expect(snapshot()).toEqual(first);
    expect(again.log.at(-1)).toBe(
      '0 imported, 0 updated, 2 unchanged, 0 skipped (edited by hand), 0 duplicates, 0 errors',
    );
  });

  it('a .bib entry for a paper imported earlier from a listing is reported and the listing file is kept', () => {
    const listing = write(
      'listing.txt',
      `CLJun 9, 2022
Beyond the Imitation Game: Quantifying and extrapolating the capabilities of language modelsAarohi Srivastava, Abhinav Rastogi et al.
Language models demonstrate both quantitative improvement and new qualitative capabilities with increasing scale.
`,
    );
    expect(run(listing, '--out', out, '--as-of', '2026-11-25').code).toBe(0);
    const before = snapshot();
    expect([...before.keys()]).toEqual(['beyond-the-imitation-game-quantifying-and-extrapolating-the.md']);

    const bib = write(
      'lab.bib',
      `@article{srivastava2022beyond,
  title = {Beyond the {Imitation} {Game}: Quantifying and Extrapolating the Capabilities of Language Models},
  author = {Srivastava, Aarohi and Rastogi, Abhinav and others},
  journal = {Transactions on Machine Learning Research},
  year = {2023},
}
`,
    );
    const result = run(bib, '--out', out);
    expect(result.code).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(result.log).toContain(
      `${path.relative(process.cwd(), bib)}:1: duplicate, not written: "Beyond the Imitation Game: Quantifying and Extrapolating the Capabilities of Language Models" has the same title as an existing file imported from ${path.relative(process.cwd(), listing)}: ${path.join(out, 'beyond-the-imitation-game-quantifying-and-extrapolating-the.md')}`,
    );
  });
});
