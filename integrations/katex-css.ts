/**
 * KaTeX's stylesheet (25 KB, with `@font-face` rules for its 20 fonts) only on the pages
 * that show math. Which pages those are is known only once a page is rendered (a title or
 * an abstract may hold `$…$`), so a middleware adds the stylesheet link to each rendered
 * page whose HTML has KaTeX markup; every other page skips the download and its first
 * paint waits for nothing of it. The link is base-absolute like every template link, and
 * the relative-links middleware, which runs after this one, makes it page-relative.
 *
 * Must be listed after relativeLinks() in astro.config.mjs: Astro runs a later-registered
 * middleware closer to the page, so this one edits the HTML before links are rewritten.
 */
import type { AstroIntegration } from 'astro';

export default function katexCss(): AstroIntegration {
  return {
    name: 'katex-css',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./katex-css-middleware.ts', import.meta.url), order: 'post' });
      },
    },
  };
}
