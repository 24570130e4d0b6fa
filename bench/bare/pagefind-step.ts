/**
 * Indexes the built baseline with Pagefind's Node API in `astro:build:done`, the way a
 * production Astro site does, and logs how long it took (bench/run.ts reads that line).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export default function pagefindStep(): AstroIntegration {
  return {
    name: 'bare-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: fileURLToPath(dir) });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        if (written.errors.length) throw new Error(`Pagefind write failed: ${written.errors.join('; ')}`);
        await pagefind.close();
        const ms = Math.round(performance.now() - started);
        logger.info(`pagefind: indexed ${added.page_count} pages in ${ms} ms`);
      },
    },
  };
}
