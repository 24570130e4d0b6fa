/**
 * Fixture tests for the BibTeX parser: each folder under tests/fixtures/bibtex/ holds an
 * `input.bib` and the `expected.json` it must parse to, every field of every paper, every
 * issue and notice. The expectations were checked by hand; `UPDATE_FIXTURES=1` rewrites
 * them from the parser's output (review the diff before committing).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/importer/bibtex.ts';
import type { ParseResult } from '../../src/importer/types.ts';
import { paperSchema } from '../../src/schema.ts';

const FIXTURES = 'tests/fixtures/bibtex';

interface Expected extends ParseResult {
  /** What the fixture shows, as a sentence: the test's name. */
  description: string;
}

describe('parseBibtex on fixture files', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const folder = join(FIXTURES, name);
    if (!existsSync(join(folder, 'input.bib'))) continue;
    const expectedPath = join(folder, 'expected.json');
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;

    it(`${name}: ${expected.description}`, () => {
      const file = join(folder, 'input.bib');
      const result = parseBibtex(readFileSync(file, 'utf8'), { file });
      if (process.env.UPDATE_FIXTURES) {
        writeFileSync(expectedPath, `${JSON.stringify({ description: expected.description, ...result }, null, 2)}\n`);
      }
      expect(result.papers.map((p) => p.data.bibtexKey)).toEqual(expected.papers.map((p) => p.data.bibtexKey));
      result.papers.forEach((paper, i) => {
        expect(paper.data, `frontmatter of ${paper.data.bibtexKey}`).toEqual(expected.papers[i].data);
        expect(paper.body, `body of ${paper.data.bibtexKey}`).toBe(expected.papers[i].body);
        expect(paper.line, `line of ${paper.data.bibtexKey}`).toBe(expected.papers[i].line);
        // What the import report says of the entry: what was left out, warnings, files to find.
        expect(paper, `report of ${paper.data.bibtexKey}`).toEqual(expected.papers[i]);
        // What the parser hands over must be what the site accepts.
        expect(paperSchema.safeParse(paper.data).success).toBe(true);
      });
      expect(result.issues).toEqual(expected.issues);
      expect(result.notices).toEqual(expected.notices);
      expect(result.notPapers).toEqual(expected.notPapers);
    });
  }
});
