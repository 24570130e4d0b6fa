/**
 * The Markdown processor of the site: Astro 7's native Sätteri processor (Rust) with its
 * math syntax on, and `$…$` / `$$…$$` rendered at build time by KaTeX — the same package
 * and version whose CSS the site serves, so markup and stylesheet always match.
 *
 * Why not `unified()` + remark-math + rehype-katex: on the scale benchmark it cost ~7 ms
 * per abstract (most of it retext-smartypants), 50 s of a 10,000-paper build's content
 * sync, against ~0.4 ms here (bench/results.md). rehype-katex also bundles its own older
 * KaTeX (0.16), whose class names (`base`, `strut`) the served 0.19 CSS no longer styles.
 */
import { satteri } from '@astrojs/markdown-satteri';
import katex from 'katex';

/** Renders TeX with the site's KaTeX; bad TeX shows as red source, never fails the build. */
function renderMath(tex: string, displayMode: boolean): { type: 'html'; value: string } {
  return {
    type: 'html',
    value: katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml' }),
  };
}

/** An mdast plugin: each math node becomes the KaTeX HTML for it. */
const katexMath = {
  name: 'katex-math',
  inlineMath: (node: { value: string }) => renderMath(node.value, false),
  math: (node: { value: string }) => renderMath(node.value, true),
};

/** `markdown.processor` for astro.config.mjs. Smart punctuation and GFM stay on (Astro's defaults). */
export function markdownProcessor() {
  return satteri({ features: { math: true }, mdastPlugins: [katexMath] });
}
