/**
 * The importer's `imported.hash` must stay a string in YAML. A hex digest made only of
 * digits and one `e` (`49873241616114e4`) reads as a number, and the site's schema then
 * rejects the file: found by the scale benchmark on generated listings (issue 7).
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateListing } from '../../bench/generate.ts';
import { parseListing } from '../../src/importer/listing.ts';
import { isImporterOutput, toMarkdown } from '../../src/importer/markdown.ts';
import { paperSchema } from '../../src/schema.ts';

describe('the imported hash', () => {
  // 1,000 generated papers hold at least one digest that looks like a number.
  const listing = generateListing({ papers: 1000, seed: 1 });
  const files = parseListing(listing.text, { file: 'generated.txt', asOf: listing.asOf }).papers.map((draft) =>
    toMarkdown(draft, 'generated.txt'),
  );

  it('reads back as a string in every written file, so every file passes the schema', () => {
    const bad = files.filter((text) => {
      const data = parseYaml(text.split('\n---\n')[0].replace(/^---\n/, '')) as { imported: { hash: unknown } };
      return typeof data.imported.hash !== 'string' || !paperSchema.safeParse(data).success;
    });
    expect(files).toHaveLength(1000);
    expect(bad).toEqual([]);
  });

  it('still recognises every written file, quoted or not, as unedited importer output', () => {
    expect(files.some((text) => /^ {2}hash: "/m.test(text))).toBe(true);
    expect(files.filter((text) => !isImporterOutput(text))).toEqual([]);
  });
});
