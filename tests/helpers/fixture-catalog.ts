/**
 * A catalog built from a folder of paper files, as the site's loader builds it, for unit
 * tests of what pages compute from papers (citations, meta tags). Each file is checked
 * by the real schema, as the build checks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildCatalog, type Catalog, type PaperEntry } from '../../src/lib/papers.ts';
import { paperSchema } from '../../src/schema.ts';

export function fixtureCatalog(dir: string): Catalog {
  const entries = readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      return {
        id: file.replace(/\.md$/, ''),
        collection: 'papers',
        data: paperSchema.parse(parse(match[1])),
        body: match[2],
        filePath: path.join(dir, file),
      } as PaperEntry;
    });
  return buildCatalog(entries);
}
