/**
 * A note naming a paper the site does not have fails the build, and the error names the
 * note's file and line (and a paper it may have meant), so the writer knows what to fix.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'notes-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a note naming a missing paper', () => {
  it('fails the build with the note’s file, line and the paper it probably meant', async () => {
    const notes = path.join(work, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(
      path.join(notes, 'good.md'),
      '---\npaper: attention-atlases\nauthor: Ana Lima\ndate: 2026-11-01\n---\nFine.\n',
    );
    writeFileSync(
      path.join(notes, 'wrong-slug.md'),
      '---\nauthor: Ana Lima\npaper: attention-atlas\ndate: 2026-11-01\n---\nOn a paper that is not there.\n',
    );
    const failure = await buildSite({
      PAPERS_DIR: path.resolve('tests/fixtures/site/papers'),
      NOTES_DIR: notes,
      DIST_DIR: path.join(work, 'dist'),
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
    }).then(
      () => 'the build succeeded',
      (error: Error) => error.message,
    );
    expect(failure).toContain(
      `${path.relative(process.cwd(), path.join(notes, 'wrong-slug.md'))}:3: paper "attention-atlas" is not a paper of this site ` +
        '(expected the file name of a paper in content/papers/ without ".md", e.g. "attention-atlases")',
    );
    expect(failure).not.toContain('good.md');
  });
});
