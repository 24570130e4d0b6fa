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
 *
 * The parser's LaTeX reader is also slow (about a millisecond per kilobyte), so
 * `shieldBibtex` sets each abstract aside whole (it goes to the listing importer's
 * `latexToMarkdown`, the one Markdown escaper) and empties fields the importer never reads
 * (`isReadField`: Zotero's `file`, `annote`, JabRef's extras…; the report names them).
 */

import { isReadField, RAW_FIELDS } from './bibtex-fields.ts';

/** Private-use characters: they never occur in real text and the LaTeX parser keeps them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;
/** Stands for the value of an empty `@string` (removed again from every field). */
const EMPTY = '\uE002';
/** A comma inside a keyword of a one-per-line list (put back by `tidy`). */
const KEPT_COMMA = '\uE003';

/** `@type{key`: the start of an entry and its key. */
const ENTRY_HEAD = /^(@\s*[A-Za-z][\w-]*\s*[{(]\s*)([^,\s{}()="#%']+)/;
/** A key the parser reads whole (its own character class). */
const PARSER_KEY = /^[+'\p{L}0-9&;_:\\./-]*$/u;

/** What a token stands for. */
type Shield =
  | { kind: 'math'; tex: string }
  | { kind: 'literal'; text: string }
  | { kind: 'raw'; text: string }
  | { kind: 'footnote-open' }
  | { kind: 'footnote-close' };

/** A `.bib` source with its math, angle brackets, footnotes and abstracts shielded. */
export interface ShieldedSource {
  /** The text to hand to the parser. */
  text: string;
  /** 1-based line in the original file of an offset in `text`. */
  lineAt(offset: number): number;
  /** Puts the original source back in place of every token in `value` (used for verbatim fields). */
  unshield(value: string): string;
  /** The raw LaTeX of a field set aside whole (an abstract), when `value` is just its token. */
  rawField(value: string): string | undefined;
  /** The key as the file writes it, for a key the parser was given a stand-in for. */
  keyOf(parsedKey: string): string;
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

/** Blocks whose `name = value` pairs are not entry fields. */
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

/** Offset just past the `{…}` or `"…"` value starting at `start`, or -1 when it never ends. */
function valueEnd(source: string, start: number): number {
  const quoted = source[start] === '"';
  let depth = 0;
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return quoted ? -1 : i + 1;
      depth--;
    } else if (ch === '"' && quoted && depth === 0) return i + 1;
  }
  return -1;
}

/** Characters the scanner acts on; everything between them is copied as one run. */
const SPECIAL = /[\\{}$<>"@]/g;

/**
 * Replaces math, `<`, `>` and `\footnote{…}` in a `.bib` source with tokens (see the module
 * comment), sets the raw abstract aside, empties fields the importer does not read, and
 * keeps a map from offsets in the new text back to lines of the original.
 */
export function shieldBibtex(source: string): ShieldedSource {
  const shields: Shield[] = [];
  /** Keys replaced by `shieldedkey<n>`. */
  const keys: string[] = [];
  let out = '';
  /** Offsets in `out` where a token hides newlines, and how many (for `lineAt`). */
  const hiddenLines: { at: number; count: number }[] = [];
  /** Brace depths at which an open `\footnote{` closes. */
  const footnotes: number[] = [];
  let depth = 0;
  /** The `@type` of the block being read, lower case. */
  let block = '';
  /** Inside a `"…"` value of an entry. */
  let inQuotes = false;

  const hide = (original: string): void => {
    const newlines = original.split('\n').length - 1;
    if (newlines) hiddenLines.push({ at: out.length, count: newlines });
  };
  const token = (shield: Shield, original: string): void => {
    hide(original);
    out += `${OPEN}${shields.length}${CLOSE}`;
    shields.push(shield);
  };

  /** At a value's opening `{` or `"`: set it aside or empty it. Returns where to go on, or -1. */
  const fieldValue = (i: number): number => {
    if (depth > 1 || inQuotes || NOT_ENTRIES.has(block)) return -1;
    let before = i - 1;
    while (before >= 0 && /\s/.test(source[before])) before--;
    if (source[before] !== '=') return -1;
    const field = /([A-Za-z][\w:+.-]*)\s*=\s*$/.exec(source.slice(Math.max(0, i - 64), i))?.[1].toLowerCase();
    if (field === 'keywords') return keywordsValue(i);
    if (!field || (isReadField(field) && !RAW_FIELDS.has(field))) return -1;
    const end = valueEnd(source, i);
    if (end === -1) return -1;
    const original = source.slice(i, end);
    if (RAW_FIELDS.has(field)) {
      out += '{';
      token({ kind: 'raw', text: original.slice(1, -1) }, original);
      out += '}';
    } else {
      hide(original);
      out += '{}';
    }
    return end;
  };

  /**
   * At a `keywords` value: EndNote writes one keyword per line, unindented, with no
   * separator at the line ends (and commas inside keywords: "Image Processing,
   * Computer-Assisted"). Such a list is given to the parser with semicolons between the
   * lines and its commas shielded; any other list (commas or semicolons, long lines wrapped
   * and indented) is read as usual. Returns where to go on, or -1.
   */
  const keywordsValue = (i: number): number => {
    const end = valueEnd(source, i);
    if (end === -1) return -1;
    const original = source.slice(i, end);
    const lines = original.slice(1, -1).split('\n');
    const rest = lines.slice(1);
    const oneKeywordPerLine =
      lines.length > 1 &&
      rest.every((line) => !/^[ \t]/.test(line) || !line.trim()) &&
      lines.every((line) => !/[,;][ \t]*$/.test(line));
    if (!oneKeywordPerLine) return -1;
    hide(original);
    const keywords = lines.map((line) => line.trim().replaceAll(',', KEPT_COMMA)).filter(Boolean);
    out += `${original[0]}${keywords.join('; ')}${original.at(-1)}`;
    return end;
  };

  SPECIAL.lastIndex = 0;
  let i = 0;
  while (i < source.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(source);
    const at = next ? next.index : source.length;
    out += source.slice(i, at);
    if (!next) break;
    i = at;
    const ch = source[i];
    if (ch === '\\') {
      const dotless = /^\\([ij])[ \t]+(?=[^\s}])/.exec(source.slice(i, i + 12));
      if (dotless) {
        // `\'\i d` is "íd": TeX ends a control word at the space and drops it; the parser keeps it.
        out += `\\${dotless[1]}{}`;
        i += dotless[0].length;
      } else if (/\s/.test(source[i + 1] ?? '')) {
        // TeX's control space (`Commun.\ ACM`) is an ordinary space.
        out += source[i + 1] === '\n' ? '\n' : ' ';
        i += 2;
      } else if (source.startsWith('\\footnote{', i)) {
        depth++;
        footnotes.push(depth);
        token({ kind: 'footnote-open' }, '');
        i += '\\footnote{'.length;
      } else {
        out += source.slice(i, i + 2);
        i += 2;
      }
    } else if (ch === '@' && depth === 0) {
      block = /^@\s*([A-Za-z]*)/.exec(source.slice(i, i + 40))?.[1].toLowerCase() ?? '';
      inQuotes = false;
      const head = ENTRY_HEAD.exec(source.slice(i, i + 400));
      if (head && !NOT_ENTRIES.has(block) && !PARSER_KEY.test(head[2])) {
        // A key with characters BibTeX allows but the parser does not (`Acme!Report2007`).
        const stand = `shieldedkey${keys.length}`;
        keys.push(head[2]);
        out += head[1] + stand;
        if (head[1].includes('{')) depth++;
        i += head[0].length;
      } else {
        out += ch;
        i++;
      }
    } else if (ch === '{' && block === 'string' && depth === 1 && /^\{\s*\}/.test(source.slice(i, i + 40))) {
      // An empty @string value: the parser would take "" for "not defined".
      const end = source.indexOf('}', i) + 1;
      out += `{${EMPTY}}`;
      hide(source.slice(i, end));
      i = end;
    } else if (ch === '"' && block === 'string' && depth === 1 && source[i + 1] === '"') {
      out += `{${EMPTY}}`;
      i += 2;
    } else if (ch === '{' || ch === '"') {
      const skipTo = fieldValue(i);
      if (skipTo !== -1) {
        i = skipTo;
        continue;
      }
      if (ch === '{') depth++;
      // A `"…"` value of a `@type{…}` entry: braces and `=` inside it are its text.
      else if (depth === 1 && !NOT_ENTRIES.has(block)) inQuotes = !inQuotes;
      out += ch;
      i++;
    } else if (ch === '}') {
      if (footnotes.at(-1) === depth) {
        footnotes.pop();
        token({ kind: 'footnote-close' }, '');
      } else {
        out += ch;
      }
      depth--;
      i++;
    } else if (ch === '$') {
      const end = mathEnd(source, i);
      if (end === -1) {
        out += ch;
        i++;
      } else {
        const tex = source.slice(i, end);
        token({ kind: 'math', tex }, tex);
        i = end;
      }
    } else {
      // `<` or `>`
      token({ kind: 'literal', text: ch }, ch);
      i++;
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
    keyOf(parsedKey) {
      const stand = /^shieldedkey(\d+)$/.exec(parsedKey);
      return stand ? (keys[Number(stand[1])] ?? parsedKey) : parsedKey;
    },
    rawField(value) {
      const match = /^\s*\uE000(\d+)\uE001\s*$/.exec(value);
      const shield = match ? shields[Number(match[1])] : undefined;
      return shield?.kind === 'raw' ? shield.text : undefined;
    },
    unshield(value) {
      return value.replaceAll(EMPTY, '').replace(TOKEN, (_, n: string) => {
        const shield = shields[Number(n)];
        switch (shield.kind) {
          case 'math':
            return shield.tex;
          case 'literal':
          case 'raw':
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

/** A tag or a token, captured, for `split` (built once: this runs for every field). */
const PIECES = new RegExp(`(${TAG.source}|${TOKEN.source})`);

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
  const pieces = value.split(PIECES);
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
      else if (shield.kind === 'literal' || shield.kind === 'raw') text(shield.text);
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
 * `$ x $` → `$x$` on one line: Markdown math and the site's title renderer read `$…$` as
 * math only when no space sits just inside the dollars (Pandoc's rule).
 */
function tidyMath(tex: string): string {
  const fence = tex.startsWith('$$') ? '$$' : '$';
  return `${fence}${tex.slice(fence.length, -fence.length).replace(/\s+/g, ' ').trim()}${fence}`;
}

/**
 * Raw LaTeX (an abstract set aside by `shieldBibtex`) with each `$…$` tidied like the
 * parser's fields are (see `tidyMath`), so `latexToMarkdown` reads it as math.
 */
export function tidyMathIn(latex: string): string {
  let out = '';
  let last = 0;
  for (let i = latex.indexOf('$'); i !== -1; i = latex.indexOf('$', i)) {
    if (latex[i - 1] === '\\') {
      i++;
      continue;
    }
    const end = mathEnd(latex, i);
    if (end === -1) {
      i++;
      continue;
    }
    out += latex.slice(last, i) + tidyMath(latex.slice(i, end));
    last = i = end;
  }
  return out + latex.slice(last);
}

/**
 * Straight quotes as typographic ones, the same way in titles, names and abstracts (the
 * page would otherwise show "O'Brien" in a title and “O’Brien” in the abstract below it):
 * TeX's ``` `` ``` and `''` are double quotes, `` ` `` opens a single one, `'` is an
 * apostrophe or closes one, and `"…"` pairs open after a space or bracket. Math (`$…$`)
 * and escaped characters (`\'e`, `\"o`) are left alone. Hand-written: the LaTeX parser
 * keeps straight quotes, and smart-quote libraries work on HTML or Markdown, not LaTeX.
 */
export function texQuotes(text: string): string {
  if (!/['"`]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const before = i === 0 ? ' ' : text[i - 1];
    // Not after `{`: the ACL Anthology writes an apostrophe as `model{'}s`.
    const opens = /[\s([\u2014\u2013\u201c\u2018-]/.test(before);
    if (ch === '\\') {
      out += text.slice(i, i + 2);
      i++;
    } else if (ch === '$' && mathEnd(text, i) !== -1) {
      const end = mathEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (ch === '`') {
      if (text[i + 1] === '`') {
        out += '\u201c';
        i++;
      } else out += '\u2018';
    } else if (ch === "'") {
      if (text[i + 1] === "'") {
        out += '\u201d';
        i++;
      } else out += opens && /\S/.test(text[i + 1] ?? '') ? '\u2018' : '\u2019';
    } else if (ch === '"') {
      out += opens ? '\u201c' : '\u201d';
    } else out += ch;
  }
  return out;
}

/**
 * Cleans converted text: LaTeX quotes become typographic (`` `x' `` → ‘x’, an apostrophe
 * is ’ in TeX), `~` and `\-` leave no invisible characters, and a dotless ı or ȷ that
 * carries an accent (`\'\i`) becomes the ordinary accented letter.
 */
function tidy(text: string): string {
  return texQuotes(text.replaceAll(EMPTY, '').replaceAll(KEPT_COMMA, ','))
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
