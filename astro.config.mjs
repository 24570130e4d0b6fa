// @ts-check
import { defineConfig } from 'astro/config';
import { SITE } from './src/site.config.ts';
import { markdownProcessor } from './src/lib/markdown.ts';
import sitemap from '@astrojs/sitemap';
import clientScripts from './integrations/client-scripts.ts';
import relativeLinks from './integrations/relative-links.ts';
import katexCss from './integrations/katex-css.ts';
import fontDisplay from './integrations/font-display.ts';
import dataStoreFromDisk from './integrations/data-store-from-disk.ts';
import paperFiles from './integrations/paper-files.ts';
import citationFiles from './integrations/citation-files.ts';

export default defineConfig({
  site: SITE.site,
  base: SITE.base,
  trailingSlash: 'always',
  // Separate output and cache folders let several builds (tests, benchmark) run side by side.
  outDir: process.env.DIST_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // The Pagefind index is the next step of `npm run build`, after Astro has exited and freed
  // its memory (integrations/pagefind.ts).
  integrations: [
    dataStoreFromDisk(),
    clientScripts(),
    sitemap(),
    paperFiles(),
    citationFiles(),
    relativeLinks(),
    // After relativeLinks(): its middleware must run first on each rendered page (see katex-css.ts).
    katexCss(),
  ],
  vite: { plugins: [fontDisplay()] },
  markdown: {
    // The abstracts: Astro's native Sätteri processor with math rendered by KaTeX, unless
    // MARKDOWN_ENGINE=remark (src/lib/markdown.ts; notes always go through remark).
    processor: markdownProcessor(),
  },
});
