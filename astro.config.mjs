// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { SITE } from './src/site.config.ts';
import sitemap from '@astrojs/sitemap';
import clientScripts from './integrations/client-scripts.ts';
import relativeLinks from './integrations/relative-links.ts';
import offlineSearch from './integrations/offline-search.ts';
import pagefindIndex from './integrations/pagefind.ts';

export default defineConfig({
  site: SITE.site,
  base: SITE.base,
  trailingSlash: 'always',
  // Separate output and cache folders let several builds (tests, benchmark) run side by side.
  outDir: process.env.DIST_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [clientScripts(), sitemap(), relativeLinks(), pagefindIndex(), offlineSearch()],
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; math needs unified.
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
});
