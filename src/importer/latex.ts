/**
 * LaTeX-flavoured listing text → Markdown (abstracts) or plain Unicode (titles).
 *
 * What is interpreted, and nothing else:
 * - `$…$` / `$$…$$` math: kept verbatim for the site's Markdown math + KaTeX;
 * - text macros: `\emph`/`\textit` → *x*, `\textbf` → **x**, `\texttt` → code, `\url`,
 *   `\href`, `\footnote{…}` → a Markdown footnote (an unclosed one runs to the end, so its
 *   text is never lost);
 * - accents and symbols (`\'e`, `\%`, `\rightarrow`…) through the `unicode2latex` tables;
 * - typography: ``` ``x'' ``` → “x”, `` `x' `` → ‘x’, `--` → –, `---` → —.
 *
 * Everything else is text, and Markdown/HTML characters in it are escaped, so `<script>`,
 * `snake_case`, `*` or a leading `1.` show literally on the page.
 *
 * The tokenizer is hand-written because listing text is not a LaTeX document: a LaTeX
 * parser rejects or reinterprets its stray `%`, `#`, `&`, `_` and unbalanced braces, and
 * those must survive as literal text.
 */
import { combining, latex2unicode } from 'unicode2latex';

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'math'; value: string }
  | { kind: 'url'; value: string }
  | { kind: 'code'; value: string }
  | { kind: 'style'; style: 'em' | 'strong' | 'plain'; children: Node[] }
  | { kind: 'link'; url: string; children: Node[] }
  | { kind: 'footnote'; children: Node[] };

const STYLE_MACROS: Record<string, 'em' | 'strong'> = {
  emph: 'em',
  textit: 'em',
  textsl: 'em',
  textbf: 'strong',
};
/** Macros whose argument is shown as plain text (the formatting has no Markdown form). */
const TRANSPARENT_MACROS = new Set([
  'textrm',
  'textsf',
  'textsc',
  'textup',
  'textnormal',
  'mbox',
  'text',
  'textsuperscript',
  'textsubscript',
  'underline',
  'uline',
]);
/** Where ordinary text ends: a group, math, a macro or a URL may start here. */
const SPECIAL = /[{}$\\]|https?:\/\//g;
/** Trailing characters that end a sentence rather than a URL. */
const URL_PATTERN = /^https?:\/\/[^\s<>"{}\\]*[^\s<>"{}\\.,;:!?)\]'’]/;

/** The Unicode text of a symbol macro such as `\%` or `\rightarrow`, if `unicode2latex` knows it. */
function symbol(macro: string): string | undefined {
  const entry = (latex2unicode as Record<string, string | { text: string } | undefined>)[macro];
  if (entry === undefined) return undefined;
  return typeof entry === 'string' ? entry : entry.text;
}

/** Combining character for an accent macro (`'`, `"`, `c`, `v`…), if it is one. */
function accent(name: string): string | undefined {
  const mark = (combining.tounicode as Record<string, string | undefined>)[name];
  // `\hat` and friends map to math symbols there; text accents are single combining marks.
  return mark && /^\p{M}+$/u.test(mark) ? mark : undefined;
}

class Parser {
  private pos = 0;
  private readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  /** Parses until the end, or until the `}` closing the current group when `inGroup`. */
  parse(inGroup = false): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    const { src } = this;
    while (this.pos < src.length) {
      // Jump over ordinary text in one slice: most of an abstract is plain.
      SPECIAL.lastIndex = this.pos;
      const next = SPECIAL.exec(src)?.index ?? src.length;
      if (next > this.pos) {
        text += src.slice(this.pos, next);
        this.pos = next;
        continue;
      }
      const ch = src[this.pos];
      if (ch === '}' && inGroup) {
        this.pos++;
        flush();
        return nodes;
      }
      if (ch === '{') {
        this.pos++;
        flush();
        nodes.push(...this.parse(true));
        continue;
      }
      if (ch === '$') {
        const math = this.readMath();
        if (math) {
          flush();
          nodes.push({ kind: 'math', value: math });
        } else {
          text += '$';
          this.pos++;
        }
        continue;
      }
      if (ch === 'h' && (src.startsWith('http://', this.pos) || src.startsWith('https://', this.pos))) {
        const url = URL_PATTERN.exec(src.slice(this.pos, this.pos + 2048))?.[0];
        if (url && /\W/.test(src[this.pos - 1] ?? ' ')) {
          flush();
          nodes.push({ kind: 'url', value: url });
          this.pos += url.length;
          continue;
        }
      }
      if (ch === '\\') {
        const node = this.readMacro();
        if (typeof node === 'string') text += node;
        else {
          flush();
          nodes.push(node);
        }
        continue;
      }
      text += ch;
      this.pos++;
    }
    flush();
    return nodes;
  }

  /** `$…$` or `$$…$$` starting at `pos` (on one line, not empty), or undefined. */
  private readMath(): string | undefined {
    const { src } = this;
    const fence = src.startsWith('$$', this.pos) ? '$$' : '$';
    let end = this.pos + fence.length;
    while (end < src.length) {
      if (src[end] === '\\') end += 2;
      else if (src.startsWith(fence, end)) break;
      else end++;
    }
    if (end >= src.length || end === this.pos + fence.length) return undefined;
    // Pandoc's rule for single dollars, so prices ("$5 and $10") stay text: no space just
    // inside the delimiters and no digit right after the closing one.
    if (fence === '$' && (/\s/.test(src[this.pos + 1]) || /\s/.test(src[end - 1]) || /\d/.test(src[end + 1] ?? ''))) {
      return undefined;
    }
    const math = src.slice(this.pos, end + fence.length);
    this.pos = end + fence.length;
    return math;
  }

  /** The argument of a macro: a `{group}` or, LaTeX-style, the next single character. */
  private readArgument(): Node[] {
    const { src } = this;
    while (src[this.pos] === ' ') this.pos++;
    if (src[this.pos] === '{') {
      this.pos++;
      return this.parse(true);
    }
    if (src[this.pos] === '\\') {
      // An unbraced macro argument, as in `na{\"\i}ve` (BibTeX files write it so).
      const node = this.readMacro();
      return [typeof node === 'string' ? { kind: 'text', value: node } : node];
    }
    const ch = src[this.pos] ?? '';
    this.pos += ch.length;
    return ch ? [{ kind: 'text', value: ch }] : [];
  }

  /** Raw text of a `{…}` argument (for URLs and code, where nothing is interpreted). */
  private readRawArgument(): string {
    const { src } = this;
    while (src[this.pos] === ' ') this.pos++;
    if (src[this.pos] !== '{') return '';
    let depth = 0;
    const start = this.pos + 1;
    for (; this.pos < src.length; this.pos++) {
      if (src[this.pos] === '{') depth++;
      else if (src[this.pos] === '}' && --depth === 0) break;
    }
    const raw = src.slice(start, this.pos);
    this.pos++;
    return raw;
  }

  /** A macro at `pos` (a backslash): its text, or a node for macros with structure. */
  private readMacro(): Node | string {
    const { src } = this;
    const name = /^\\([A-Za-z]+|.?)/.exec(src.slice(this.pos, this.pos + 64))?.[1] ?? '';
    this.pos += 1 + name.length;
    const isWord = /^[A-Za-z]/.test(name);

    if (STYLE_MACROS[name]) return { kind: 'style', style: STYLE_MACROS[name], children: this.readArgument() };
    if (TRANSPARENT_MACROS.has(name)) return { kind: 'style', style: 'plain', children: this.readArgument() };
    if (name === 'footnote') return { kind: 'footnote', children: this.readArgument() };
    if (name === 'texttt') return { kind: 'code', value: toPlainText(parseLatex(this.readRawArgument())) };
    if (name === 'url') return { kind: 'url', value: this.readRawArgument() };
    if (name === 'href') {
      const url = this.readRawArgument();
      return { kind: 'link', url, children: this.readArgument() };
    }
    const mark = accent(name);
    if (mark && (!isWord || name.length === 1)) {
      const [first, ...rest] = toPlainText(this.readArgument());
      // `\i` inside an accent is a dotless i; the accented letter is the ordinary one.
      const base = first === 'ı' ? 'i' : (first ?? '');
      return (base + mark).normalize('NFC') + rest.join('');
    }
    if (name === '\\') return ' ';
    const text = symbol(`\\${name}`);
    if (text !== undefined) {
      // Listing text is not typeset, so the space after a word macro is kept (`\dots and`
      // → `… and`); the empty group that TeX users write to keep it (`\dots{} and`) goes.
      if (isWord && src[this.pos] === '{' && src[this.pos + 1] === '}') this.pos += 2;
      return text;
    }
    if (name === 'LaTeX' || name === 'TeX') return name;
    // Unknown macro: keep it, and a braced argument right after it, as literal text so
    // nothing is lost or silently glued together.
    if (isWord && src[this.pos] === '{') return `\\${name}{${this.readRawArgument()}}`;
    return `\\${name}`;
  }
}

/** Parses listing text into a small tree of text, math, URLs and text macros. */
function parseLatex(src: string): Node[] {
  return new Parser(src).parse();
}

/** Typographic quotes and dashes for LaTeX text (not math, not URLs). */
function typography(text: string, state: { openSingle: number }): string {
  let out = text;
  if (out.includes('--')) out = out.replace(/---/g, '—').replace(/--/g, '–');
  if (out.includes("''") || out.includes('``')) out = out.replace(/``/g, '“').replace(/''/g, '”');
  if (!out.includes('`') && !(state.openSingle && out.includes("'"))) return out;
  let result = '';
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    if (ch === '`') {
      state.openSingle++;
      result += '‘';
    } else if (
      ch === "'" &&
      state.openSingle > 0 &&
      !(/\p{L}/u.test(out[i - 1] ?? '') && /\p{L}/u.test(out[i + 1] ?? ''))
    ) {
      // An apostrophe between letters (model's) is not the closing quote.
      state.openSingle--;
      result += '’';
    } else result += ch;
  }
  out = result;
  return out;
}

/** Plain Unicode text of a tree: math kept as `$…$`, formatting dropped, footnotes in parentheses. */
function toPlainText(nodes: Node[], state = { openSingle: 0 }): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += typography(node.value, state);
        break;
      case 'math':
      case 'url':
      case 'code':
        out += node.value;
        break;
      case 'style':
      case 'link':
        out += toPlainText(node.children, state);
        break;
      case 'footnote':
        out += ` (${toPlainText(node.children, state).trim()})`;
        break;
    }
  }
  return out;
}

/** Backslash-escapes what CommonMark/GFM would read as inline markup or HTML. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<~$|]|&(?=#?[A-Za-z0-9]+;)/g, (ch) => `\\${ch}`);
}

/** Escapes what would start a block (heading, quote, list, thematic break) at a line start. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A code span that holds `value` literally, whatever backticks it contains. */
function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Wraps `inner` in emphasis markers, keeping surrounding spaces outside (CommonMark flanking). */
function wrap(inner: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  if (!match || !match[2]) return inner;
  return `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

interface MarkdownState {
  openSingle: number;
  footnotes: string[];
}

function toMarkdownInline(nodes: Node[], state: MarkdownState): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += escapeInline(typography(node.value, state));
        break;
      case 'math':
        out += node.value;
        break;
      case 'url':
        out += `<${node.value}>`;
        break;
      case 'code':
        out += codeSpan(node.value);
        break;
      case 'style': {
        const inner = toMarkdownInline(node.children, state);
        out += node.style === 'plain' ? inner : wrap(inner, node.style === 'strong' ? '**' : '*');
        break;
      }
      case 'link':
        out += `[${toMarkdownInline(node.children, state)}](<${node.url}>)`;
        break;
      case 'footnote': {
        const number = state.footnotes.length + 1;
        state.footnotes.push(''); // reserve the number before nested footnotes take theirs
        state.footnotes[number - 1] = toMarkdownInline(node.children, state).trim();
        out += `[^${number}]`;
        break;
      }
    }
  }
  return out;
}

/**
 * An abstract as safe Markdown: one paragraph per source paragraph, footnotes as
 * `[^n]` references with their definitions at the end.
 */
export function latexToMarkdown(src: string): string {
  const state: MarkdownState = { openSingle: 0, footnotes: [] };
  const paragraphs = src
    .split(/\n\s*\n/)
    // One line per paragraph: a line break inside one could start a list or heading.
    .map((paragraph) => (paragraph.includes('\n') ? paragraph.replace(/[ \t]*\r?\n\s*/g, ' ') : paragraph).trim())
    .map((paragraph) => escapeLineStart(toMarkdownInline(parseLatex(paragraph), state).trim()))
    .filter(Boolean);
  const notes = state.footnotes.map((note, index) => `[^${index + 1}]: ${note}`);
  return [...paragraphs, ...notes].join('\n\n');
}

/** A title as typographic Unicode text (math kept as `$…$`, formatting dropped). */
export function latexToText(src: string): string {
  return toPlainText(parseLatex(src)).replace(/\s+/g, ' ').trim();
}

/** URLs named in listing text (`\url{…}` arguments and bare `http(s)://…`), in order. */
export function findUrls(src: string): string[] {
  const urls: string[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.kind === 'url') urls.push(node.value);
      else if (node.kind === 'link') urls.push(node.url);
      if ('children' in node) visit(node.children);
    }
  };
  visit(parseLatex(src));
  return urls;
}
