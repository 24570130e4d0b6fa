/**
 * KaTeX's stylesheet goes only on pages that show math (integrations/katex-css.ts).
 * `katex.renderToString` marks every formula with `class="katex"` (inline) or
 * `class="katex-display"` (display math), so either string in a page means it needs the
 * stylesheet.
 */
const KATEX_MARKUP = /class="katex[\s"-]/;

/** `html` with a stylesheet link to `href` at the end of its head when it holds KaTeX markup. */
export function withKatexStylesheet(html: string, href: string): string {
  if (!KATEX_MARKUP.test(html)) return html;
  const headEnd = html.indexOf('</head>');
  if (headEnd === -1) return html;
  return `${html.slice(0, headEnd)}<link rel="stylesheet" href="${href}">${html.slice(headEnd)}`;
}
