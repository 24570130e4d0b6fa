/**
 * The thin layer between a `.bib` file and `@retorquere/bibtex-parser`'s LaTeX → Unicode
 * conversion.
 *
 * The parser knows hundreds of accents and symbols, so it does the converting. Three of its
 * habits do not suit a reading-list site, and this module works around them:
 * - it renders math as Unicode (`$x^2$` → `x²`), but the site renders `$…$` with KaTeX;
 * - it reads a bare `<` / `>` as the OT1 font does (`¡` / `¿`), where the author meant `<`;
 * - it drops `\footnote`'s braces, gluing the note to the word before it.
 * Before parsing, `shieldBibtex` swaps those pieces of the source for private-use tokens the
 * parser passes through untouched; after parsing, `fieldSegments` reads the parser's output
 * (text with a few HTML tags such as `<i>`) and puts the original pieces back.
 */

/** Private-use characters: they never occur in real text and the LaTeX parser keeps them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;

/** What a token stands for. */
type Shield =
  | { kind: 'math'; tex: string }
  | { kind: 'literal'; text: string }
  | { kind: 'footnote-open' }
  | { kind: 'footnote-close' };

/** A `.bib` source with its math, angle brackets and footnotes shielded. */
export interface ShieldedSource {
  /** The text to hand to the parser. */
  text: string;
  /** 1-based line in the original file of an offset in `text`. */
  lineAt(offset: number): number;
  /** Puts the original source back in place of every token in `value` (used for verbatim fields). */
  unshield(value: string): string;
  /** @internal the shielded pieces, by token number. */
  shields: Shield[];
}

/**
 * Finds the `$` that closes inline (`$…$`) or display (`$$…$$`) math opening at `start`.
 * Returns the offset just past the closing delimiter, or -1 when this `$` opens no math.
 * Hand-written because no parser exposes "where does this math end" on raw `.bib` text; the
 * checks follow TeX: math cannot hold a blank line, and its braces balance.
 */
function mathEnd(source: string, start: number): number {
  const delimiter = source.startsWith('$$', start) ? '$$' : '$';
  let depth = 0;
  for (let i = start + delimiter.length; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (--depth < 0) return -1;
    } else if (ch === '\n') {
      // A paragraph break or the start of the next entry: this `$` was not math.
      if (/^\n[ \t]*(\r?\n|@)/.test(source.slice(i, i + 80))) return -1;
    } else if (ch === '$') {
      if (!source.startsWith(delimiter, i) || depth !== 0) return -1;
      return i === start + delimiter.length ? -1 : i + delimiter.length;
    }
  }
  return -1;
}

/**
 * Replaces math, `<`, `>` and `\footnote{…}` in a `.bib` source with tokens (see the module
 * comment), keeping a map from offsets in the new text back to lines of the original.
 */
export function shieldBibtex(source: string): ShieldedSource {
  const shields: Shield[] = [];
  let out = '';
  /** Offsets in `out` where a token hides newlines, and how many (for `lineAt`). */
  const hiddenLines: { at: number; count: number }[] = [];
  /** Brace depths at which an open `\footnote{` closes. */
  const footnotes: number[] = [];
  let depth = 0;

  const token = (shield: Shield, original: string): void => {
    const newlines = original.split('\n').length - 1;
    if (newlines) hiddenLines.push({ at: out.length, count: newlines });
    out += `${OPEN}${shields.length}${CLOSE}`;
    shields.push(shield);
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      if (source.startsWith('\\footnote{', i)) {
        depth++;
        footnotes.push(depth);
        token({ kind: 'footnote-open' }, '');
        i += '\\footnote{'.length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
    } else if (ch === '{') {
      depth++;
      out += ch;
    } else if (ch === '}') {
      if (footnotes.at(-1) === depth) {
        footnotes.pop();
        token({ kind: 'footnote-close' }, '');
      } else {
        out += ch;
      }
      depth--;
    } else if (ch === '$') {
      const end = mathEnd(source, i);
      if (end === -1) {
        out += ch;
      } else {
        const tex = source.slice(i, end);
        token({ kind: 'math', tex }, tex);
        i = end - 1;
      }
    } else if (ch === '<' || ch === '>') {
      token({ kind: 'literal', text: ch }, ch);
    } else {
      out += ch;
    }
  }

  const newlineOffsets: number[] = [];
  for (let i = out.indexOf('\n'); i !== -1; i = out.indexOf('\n', i + 1)) newlineOffsets.push(i);
  const hiddenAt = hiddenLines.map((h) => h.at);
  const hiddenBefore = [0];
  for (const h of hiddenLines) hiddenBefore.push(hiddenBefore.at(-1)! + h.count);

  return {
    text: out,
    shields,
    lineAt(offset) {
      return 1 + countBelow(newlineOffsets, offset) + hiddenBefore[countBelow(hiddenAt, offset)];
    },
    unshield(value) {
      return value.replace(TOKEN, (_, n: string) => {
        const shield = shields[Number(n)];
        switch (shield.kind) {
          case 'math':
            return shield.tex;
          case 'literal':
            return shield.text;
          case 'footnote-open':
            return '\\footnote{';
          case 'footnote-close':
            return '}';
        }
      });
    },
  };
}

/** How many sorted `values` are below `limit` (binary search: files can be large). */
function countBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One piece of a converted field: text, math, a paragraph break, or a style boundary. */
export type Segment =
  | { type: 'text'; text: string }
  | { type: 'math'; tex: string }
  | { type: 'break'; paragraph: boolean }
  | { type: 'open' | 'close'; mark: 'em' | 'strong' | 'footnote' };

/**
 * The tags the parser writes for LaTeX markup (`\emph` → `<i>`, `\textbf` → `<b>`,
 * paragraphs → `<p>`, `\url` → `<a>`, sub/superscripts it cannot map to Unicode…). Every
 * literal `<` of the source was shielded, so a `<` here is the parser's own markup.
 */
const TAG = /<(\/?)(i|b|p|br|li|ul|blockquote|sub|sup|code|span|a|h\d)(?:\s[^>]*)?>/g;

/**
 * Splits a field value converted by the parser into segments, restoring shielded math,
 * angle brackets and footnotes.
 */
export function fieldSegments(value: string, shielded: ShieldedSource): Segment[] {
  const segments: Segment[] = [];
  const text = (t: string): void => {
    if (!t) return;
    const last = segments.at(-1);
    if (last?.type === 'text') last.text += t;
    else segments.push({ type: 'text', text: t });
  };
  const pieces = value.split(new RegExp(`(${TAG.source}|${TOKEN.source})`));
  // split() with capture groups interleaves text, the whole match, then each group.
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (i % 5 === 0) {
      text(piece ?? '');
      continue;
    }
    if (i % 5 !== 1) continue;
    const [, slash, tag] = pieces.slice(i, i + 3);
    const tokenNumber = pieces[i + 3];
    if (tokenNumber !== undefined) {
      const shield = shielded.shields[Number(tokenNumber)];
      if (shield.kind === 'math') segments.push({ type: 'math', tex: tidyMath(shield.tex) });
      else if (shield.kind === 'literal') text(shield.text);
      else segments.push({ type: shield.kind === 'footnote-open' ? 'open' : 'close', mark: 'footnote' });
    } else if (tag === 'i' || tag === 'b') {
      segments.push({ type: slash ? 'close' : 'open', mark: tag === 'i' ? 'em' : 'strong' });
    } else if (tag === 'p' && !slash) {
      segments.push({ type: 'break', paragraph: true });
    } else if (tag === 'br' || tag === 'li') {
      segments.push({ type: 'break', paragraph: false });
    }
    // Other tags (<span>, <sub>, <a>…) only style text the parser already wrote out.
  }
  return segments.map((s) => (s.type === 'text' ? { type: 'text', text: tidy(s.text) } : s));
}

/**
 * `$ x $` → `$x$` on one line: remark-math, and the site's title renderer, read `$…$` as
 * math only when no space sits just inside the dollars (Pandoc's rule).
 */
function tidyMath(tex: string): string {
  const fence = tex.startsWith('$$') ? '$$' : '$';
  return `${fence}${tex.slice(fence.length, -fence.length).replace(/\s+/g, ' ').trim()}${fence}`;
}

/**
 * Cleans converted text: LaTeX quotes become typographic (`` `x' `` → ‘x’, an apostrophe
 * is ’ in TeX), `~` and `\-` leave no invisible characters, and a dotless ı or ȷ that
 * carries an accent (`\'\i`) becomes the ordinary accented letter.
 */
function tidy(text: string): string {
  return text
    .replace(/`/g, '\u2018')
    .replace(/'/g, '\u2019')
    .replace(/\u00a0/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
    .replace(/\u0237(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC');
}

/** A field as one line of plain text: math kept as `$…$`, footnotes in parentheses. */
export function plainText(segments: Segment[]): string {
  return segments
    .map((s) => {
      switch (s.type) {
        case 'text':
          return s.text;
        case 'math':
          return s.tex;
        case 'break':
          return ' ';
        case 'open':
          return s.mark === 'footnote' ? ' (' : '';
        case 'close':
          return s.mark === 'footnote' ? ')' : '';
      }
    })
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/ \)/g, ')')
    .trim();
}
