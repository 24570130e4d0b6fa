/**
 * Fixture-folder tests for the listing importer, end to end through the CLI core: each
 * folder under tests/fixtures/listing/ holds `input.txt`, `case.json` (the test's sentence
 * and `--as-of`), and `expected/`: every Markdown file the import writes plus `report.txt`,
 * what it prints (progress, `file:line:` issues, summary, exit code).
 *
 * The expectations were checked by hand; `UPDATE_FIXTURES=1` rewrites them from the
 * importer's output (review the diff before committing).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importer/cli.ts';
import { paperSchema } from '../../src/schema.ts';

const FIXTURES = 'tests/fixtures/listing';
const scratch = mkdtempSync(join(tmpdir(), 'listing-fixtures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Case {
  description: string;
  asOf: string;
}

describe('listing import on fixture folders', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const folder = join(FIXTURES, name);
    if (!existsSync(join(folder, 'case.json'))) continue;
    const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Case;

    it(`${name}: ${spec.description}`, () => {
      const out = join(scratch, name);
      const lines: string[] = [];
      const code = runImport([join(folder, 'input.txt'), '--out', out, '--as-of', spec.asOf], {
        log: (line) => lines.push(line),
        error: (line) => lines.push(line),
      });
      const report = `${lines.map((line) => line.replaceAll(out, '<out>')).join('\n')}\nexit code ${code}\n`;
      const written = existsSync(out) ? readdirSync(out).sort() : [];
      const expectedDir = join(folder, 'expected');

      if (process.env.UPDATE_FIXTURES) {
        rmSync(expectedDir, { recursive: true, force: true });
        mkdirSync(expectedDir, { recursive: true });
        writeFileSync(join(expectedDir, 'report.txt'), report);
        for (const file of written) writeFileSync(join(expectedDir, file), readFileSync(join(out, file)));
      }

      expect(report).toBe(readFileSync(join(expectedDir, 'report.txt'), 'utf8'));
      const expectedFiles = readdirSync(expectedDir)
        .filter((file) => file.endsWith('.md'))
        .sort();
      expect(written).toEqual(expectedFiles);
      for (const file of written) {
        const text = readFileSync(join(out, file), 'utf8');
        expect(text, file).toBe(readFileSync(join(expectedDir, file), 'utf8'));
        // What the site will read: Astro's frontmatter parser, then the collection schema.
        const checked = paperSchema.safeParse(parseFrontmatter(text).frontmatter);
        expect(checked.error?.issues ?? [], file).toEqual([]);
      }
    });
  }
});
