/**
 * The frontmatter writer's fast path must write exactly what `yaml.stringify` writes:
 * checked on every kind of draft the importers produce and on strings chosen to trip a
 * YAML writer (reserved words, `: ` and ` #`, indicators, numbers, dates, Unicode).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateListing } from '../../bench/generate.ts';
import { parseBibtex } from '../../src/importer/bibtex.ts';
import { frontmatterYaml, YAML_OPTIONS } from '../../src/importer/frontmatter.ts';
import { parseListing } from '../../src/importer/listing.ts';
import type { PaperDraft } from '../../src/importer/types.ts';

/** Drafts as `toMarkdown` hands them to the writer (with the blank `imported` block). */
const asWritten = (drafts: PaperDraft[]) =>
  drafts.map((draft) => ({ ...draft.data, imported: { from: 'content/listings/x.txt', hash: '' } }));

function mismatches(samples: Record<string, unknown>[]): string[] {
  return samples.flatMap((sample) => {
    const fast = frontmatterYaml(sample);
    const reference = stringify(sample, YAML_OPTIONS);
    return fast === reference ? [] : [`${JSON.stringify(fast)}\n  !== ${JSON.stringify(reference)}`];
  });
}

describe('the frontmatter writer', () => {
  it('matches yaml.stringify on the seed listing and every listing fixture', () => {
    const files = [
      'content/listings/seed-2026-11.txt',
      ...readdirSync('tests/fixtures/listing')
        .filter((name) => !name.startsWith('.'))
        .map((name) => join('tests/fixtures/listing', name, 'input.txt')),
    ];
    const drafts = files.flatMap(
      (file) => parseListing(readFileSync(file, 'utf8'), { file, asOf: '2026-11-25' }).papers,
    );
    expect(drafts.length).toBeGreaterThan(60);
    expect(mismatches(asWritten(drafts))).toEqual([]);
  });

  it('matches yaml.stringify on every BibTeX fixture (links, tags, venues, keys)', () => {
    const folder = 'tests/fixtures/bibtex';
    const files = readdirSync(folder)
      .map((name) => join(folder, name, 'input.bib'))
      .filter((file) => existsSync(file));
    const drafts = files.flatMap(
      (file) => parseBibtex(readFileSync(file, 'utf8'), { file, defaultCategory: 'cs.LG' }).papers,
    );
    expect(drafts.some((draft) => (draft.data.links ?? []).length > 0)).toBe(true);
    expect(mismatches(asWritten(drafts))).toEqual([]);
  });

  it('matches yaml.stringify on 2,000 generated listing entries', () => {
    const { text, asOf } = generateListing({ papers: 2000, seed: 11 });
    expect(mismatches(asWritten(parseListing(text, { file: 'generated.txt', asOf }).papers))).toEqual([]);
  });

  it('matches yaml.stringify on strings that need quotes or look like other types', () => {
    const tricky = [
      'yes',
      'no',
      'on',
      'off',
      'y',
      'true',
      'True',
      'FALSE',
      'null',
      'Null',
      '~',
      'NaN',
      '.inf',
      '0x1F',
      '1e5',
      '007',
      '2022-01-01',
      '1. A Title',
      'a: b',
      'a:b',
      'a:',
      'a #b',
      'a#b',
      'x #',
      ' a',
      'a ',
      '',
      'C#',
      "I'm",
      'x, y',
      'a [b] {c}',
      'a & b * c ! d | e > f % g @ h ` i',
      'a "b"',
      '- a',
      '? a',
      '“Quoted”: x',
      'É',
      'Ωmega: x',
      '日本語',
      'a\u00a0b',
      'a\u200bb',
      'a\tb',
      'a\u2028b',
      'a\\b',
      'two\nlines',
      'x---',
      '---',
      'Node.js',
    ];
    const samples = tricky.map((text) => ({
      title: text,
      authors: [text, 'Jane Doe'],
      affiliations: [text],
      score: 91.7,
      hasCode: true,
      imported: { from: text, hash: '' },
    }));
    expect(mismatches(samples)).toEqual([]);
  });
});
