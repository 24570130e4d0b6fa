/**
 * Each paper's citation files (`/papers/<slug>/citation.bib`, `.ris`, `.csl.json`) in a
 * build: the paper's page writes them beside itself as it renders
 * (`writePaperCitationFiles` in src/lib/citations.ts), from the records its Cite block uses.
 *
 * Why not one Astro endpoint per file: that is three routes per paper, 30,000 at 10,000
 * papers, each through Astro's whole per-route pipeline (request, render context,
 * middleware, two log lines, mkdir, an awaited write), several times what writing the
 * file costs (bench/PERFORMANCE.md). In `astro dev` nothing is written and the routes
 * src/pages/papers/[slug]/citation.*.ts serve the same records.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** How this integration tells the pages, rendered in the same process, where the build writes the site. */
const OUT_DIR_VARIABLE = 'PAPERLIST_CITATION_FILES_DIR';

/** The folder a running `astro build` writes the site to; undefined outside a build (`astro dev`, tests). */
export function citationFilesDir(): string | undefined {
  return process.env[OUT_DIR_VARIABLE] || undefined;
}

export default function citationFiles(): AstroIntegration {
  let outDir = '';
  return {
    name: 'citation-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        process.env[OUT_DIR_VARIABLE] = outDir;
      },
      'astro:build:done': () => {
        delete process.env[OUT_DIR_VARIABLE];
      },
    },
  };
}
