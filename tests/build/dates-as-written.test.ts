/**
 * A date edited by hand is read as written: YAML would turn `2024-02-30` into 1 March and
 * `2024-13-01` into January 2025 before the schema saw them. Each must fail the build with
 * the Markdown file, its line and the field named.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'dates-as-written-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds a site of one good paper and one whose date is `date`; resolves to the build's error text. */
async function buildWithDate(date: string): Promise<string> {
  const papers = path.join(work, date, 'papers');
  mkdirSync(papers, { recursive: true });
  writeFileSync(path.join(papers, 'good.md'), '---\ntitle: Good\nauthors:\n  - Ana Lima\ndate: 2024-02-29\n---\n');
  writeFileSync(path.join(papers, 'edited.md'), `---\ntitle: Edited\nauthors:\n  - Ana Lima\ndate: ${date}\n---\n`);
  try {
    await buildSite({
      PAPERS_DIR: papers,
      DIST_DIR: path.join(work, date, 'dist'),
      ASTRO_CACHE_DIR: path.join(work, date, 'cache'),
    });
  } catch (error) {
    return (error as Error).message;
  }
  return 'the build succeeded';
}

describe('a date edited by hand', () => {
  for (const date of ['2024-02-30', '2024-13-01']) {
    it(`fails the build on ${date}, naming the file, its line and the date field`, async () => {
      const message = await buildWithDate(date);
      expect(message).toContain(`${path.join(path.relative(process.cwd(), work), date, 'papers', 'edited.md')}:5:`);
      expect(message).toMatch(new RegExp(`date: "${date}" is not a real date`));
    });
  }
});
