/**
 * Text helpers shared by pages, feeds and citations: HTML escaping, inline math in
 * titles, and the plain-text form of a Markdown abstract.
 */
import katex from 'katex';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use inside HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * `$…$` spans in a title: the opening `$` is followed and the closing `$` preceded by a
 * non-space, so a lone price such as "$5 models" stays text (the same rule Markdown math
 * and Pandoc use for inline math).
 */
const INLINE_MATH = /\$(?=\S)((?:\\\$|[^$])+?)(?<=\S)\$/g;

/**
 * A title as HTML: text escaped, `$…$` math rendered by KaTeX at build time (the page
 * needs only KaTeX's CSS, no script).
 */
export function inlineMathHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INLINE_MATH)) {
    html += escapeHtml(text.slice(last, match.index));
    html += katex.renderToString(match[1], { throwOnError: false, output: 'htmlAndMathml' });
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** A title for `<title>`, feeds and citations: math keeps its TeX source without the `$`. */
export function plainTitle(text: string): string {
  return text.replace(INLINE_MATH, '$1');
}

/**
 * The plain text of an abstract written by the importers: Markdown emphasis markers and
 * backslash escapes, footnote marks and link syntax removed, math kept as TeX. Hand-written (not remark) on purpose: it
 * runs once per paper for feeds and meta tags, and a full Markdown parse of 100k
 * abstracts costs minutes; the importers only emit escapes, emphasis and math.
 */
export function plainText(markdown: string): string {
  return markdown
    .split(/(\$\$[\s\S]+?\$\$|\$(?=\S)(?:\\\$|[^$])+?(?<=\S)\$)/)
    .map((part, index) => {
      if (index % 2 === 1) return part; // math: keep the TeX as written
      return (
        part
          // Footnotes: the reference goes, the note's text stays in parentheses.
          .replace(/(?<!\\)\[\^\d+\](?!:)/g, '')
          .replace(/^\[\^\d+\]:\s*(.*)$/gm, '($1)')
          // Links and autolinks (`[text](<url>)`, `<https://…>`): their text, the bare address.
          .replace(/(?<!\\)\[([^\]]*)\]\(<?[^)>]*>?\)/g, '$1')
          .replace(/(?<!\\)<((?:https?|mailto):[^>\s]+)>/g, '$1')
          .replace(/(?<!\\)\*\*(?=\S)([\s\S]+?)(?<=[^\s\\])\*\*/g, '$1')
          .replace(/(?<!\\)\*(?=\S)([\s\S]+?)(?<=[^\s\\])\*/g, '$1')
          .replace(/(?<![\\\w])__?(?=\S)([\s\S]+?)(?<=[^\s\\])__?(?!\w)/g, '$1')
          .replace(/\\([\\`*_{}[\]()#+\-.!|<>~$&%^])/g, '$1')
      );
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts text at a word boundary to at most `max` characters, adding an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
