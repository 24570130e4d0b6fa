/**
 * Fixture tests for the RIS and CSL-JSON importers: each folder under tests/fixtures/ris/
 * and tests/fixtures/csl-json/ holds an input file (as Zotero, Mendeley, EndNote or Better
 * BibTeX write them) and the `expected.json` it must parse to: every field of every paper,
 * every issue and notice. The expectations were checked by hand; `UPDATE_FIXTURES=1`
 * rewrites them from the parser's output (review the diff before committing).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/importer/source.ts';
import type { ParseResult } from '../../src/importer/types.ts';
import { paperSchema } from '../../src/schema.ts';

interface Expected extends ParseResult {
  /** What the fixture shows, as a sentence: the test's name. */
  description: string;
}

for (const [format, input] of [
  ['ris', 'input.ris'],
  ['csl-json', 'input.json'],
] as const) {
  describe(`${format} fixture files`, () => {
    const root = join('tests/fixtures', format);
    for (const name of readdirSync(root).sort()) {
      const folder = join(root, name);
      if (!existsSync(join(folder, input))) continue;
      const expectedPath = join(folder, 'expected.json');
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;

      it(`${name}: ${expected.description}`, () => {
        const file = join(folder, input);
        // Detected from the file, as `npm run import` does.
        const result = parseSource(readFileSync(file, 'utf8'), { file });
        if (process.env.UPDATE_FIXTURES) {
          writeFileSync(expectedPath, `${JSON.stringify({ description: expected.description, ...result }, null, 2)}\n`);
        }
        expect(result.papers.map((p) => p.data.title)).toEqual(expected.papers.map((p) => p.data.title));
        result.papers.forEach((paper, i) => {
          expect(paper.data, `frontmatter of ${paper.data.title}`).toEqual(expected.papers[i].data);
          expect(paper.body, `body of ${paper.data.title}`).toBe(expected.papers[i].body);
          expect(paper.line, `line of ${paper.data.title}`).toBe(expected.papers[i].line);
          // What the parser hands over must be what the site accepts.
          expect(paperSchema.safeParse(paper.data).success).toBe(true);
        });
        expect(result.issues).toEqual(expected.issues);
        expect(result.notices).toEqual(expected.notices);
      });
    }
  });
}
