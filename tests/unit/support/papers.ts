/**
 * Papers for unit tests of the data layer: collection entries made from frontmatter through
 * the real schema (so defaults and normalisation are the site's), and the catalog the one
 * loader builds from them.
 */
import { buildCatalog, type Catalog, type PaperEntry } from '../../../src/lib/papers.ts';
import { paperSchema } from '../../../src/schema.ts';

let counter = 0;

/** One entry: `id` is the slug; frontmatter fields not given get plausible values. */
export function paperEntry(
  frontmatter: Record<string, unknown> = {},
  body = '',
  id = `paper-${++counter}`,
): PaperEntry {
  const data = paperSchema.parse({
    title: `Paper ${id}`,
    authors: ['Ada Lovelace'],
    date: '2024-01-01',
    category: 'cs.LG',
    ...frontmatter,
  });
  return { id, collection: 'papers', data, body } as PaperEntry;
}

/** The catalog of these entries, as every page of a build sees it. */
export function catalogOf(entries: readonly PaperEntry[]): Catalog {
  return buildCatalog(entries);
}
