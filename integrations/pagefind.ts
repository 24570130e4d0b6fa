/**
 * Builds the hosted search index with Pagefind's Node API once the site is written (and
 * its links made relative). Only paper pages carry `data-pagefind-body`, so they alone
 * become results; their filters, sort keys and meta come from PaperSearchData.astro.
 *
 * Pagefind reports most problems as `errors: string[]` instead of throwing; each one is
 * re-thrown here with the Pagefind messages as `cause`, so a broken index fails the build
 * instead of shipping a site whose search silently finds nothing.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Where the bundle goes inside the built site; the search UI loads `pagefind/pagefind.js`. */
export const PAGEFIND_DIR = 'pagefind';

/** Paper pages only: listing, author and topic pages are never results, so skip parsing them. */
const PAPER_PAGES = 'papers/*/index.html';

/** Throws when a Pagefind step reported errors, with the messages kept as `cause`. */
function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind failed while ${step}: ${errors.join('; ')}`, { cause: errors });
  }
}

/** Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`. */
export async function buildSearchIndex(siteDir: string): Promise<{ pages: number }> {
  try {
    // The listings are English; forcing it keeps one index even if a page's lang changes.
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    failOn('creating the index', created.errors);
    if (!created.index) throw new Error('Pagefind returned no index');
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir, glob: PAPER_PAGES });
    failOn(`indexing ${siteDir}`, added.errors);
    if (added.page_count === 0) {
      throw new Error(`Pagefind found no paper pages (${PAPER_PAGES}) in ${siteDir}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, PAGEFIND_DIR) });
    failOn('writing the index', written.errors);
    return { pages: added.page_count };
  } catch (error) {
    throw new Error(`Search index not built: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    // The Node API runs Pagefind as a child process; without this the build would not exit.
    await pagefind.close();
  }
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} paper pages`);
      },
    },
  };
}

/**
 * `node integrations/pagefind.ts` — how `npm run build` runs this step: after `astro build`
 * has exited, over DIST_DIR (or dist/). Inside `astro:build:done` Pagefind's own memory
 * (~1.3 GB at 10,000 papers, ~0.4 KB per indexed word) came on top of the ~1.6 GB Astro still
 * holds there; as a separate process the build's peak is the larger of the two, not their sum
 * (scale benchmark, bench/results.md). The integration above stays for `astro build` users.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const siteDir = path.resolve(process.env.DIST_DIR ?? 'dist');
  const started = performance.now();
  buildSearchIndex(siteDir).then(
    ({ pages }) => console.log(`[pagefind] Pagefind indexed ${pages} paper pages in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
