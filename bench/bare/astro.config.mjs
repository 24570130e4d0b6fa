// @ts-check
// The bare baseline of the scale benchmark: the least a site over the same papers can be
// (one minimal page per paper + a Pagefind index), so bench/run.ts can report what the
// full site's pages, indexes and integrations cost on top of Astro itself.
import { defineConfig } from 'astro/config';
import pagefind from './pagefind-step.ts';

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  outDir: process.env.DIST_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [pagefind()],
});
