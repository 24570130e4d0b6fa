/**
 * Splits a `.bib` file into its blocks (`@type{…}` entries, `@string`, `@comment`…) before
 * the parser sees it, so that one broken entry costs one entry.
 *
 * Why by hand: `@retorquere/bibtex-parser` reads the file as one stream, and an entry
 * whose braces do not balance (`title = {First {Paper},`) makes it read every following
 * entry as part of that value: "0 imported, 1 error" for a whole file. A reader of the
 * file sees at once where the next entry starts: a line beginning with `@type{`. This
 * module finds those lines, checks each block's braces, and names the broken blocks;
 * the caller blanks them out and hands the parser the rest.
 */

/** A line that starts a block: `@article{`, `@STRING (`, ` @misc {`… */
const BLOCK_START = /^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*([{(])/gm;

/** Blocks that are not entries; their bodies follow other rules (`@comment` may hold anything). */
const FREE_FORM = new Set(['comment']);

/** A field name at the start of a line inside an entry: `  title =`. */
const FIELD_START = /^[ \t]*([A-Za-z][\w:.+-]*)[ \t]*=/;

/** One block of the file. */
export interface SourceBlock {
  /** Offset of the `@` in the source. */
  start: number;
  /** Offset just past the block (the next block's start, or the end of the file). */
  end: number;
  /** 1-based line of the `@`. */
  line: number;
  /** Block type, lower case: `article`, `string`, `comment`… */
  type: string;
  /** The entry key as written (empty for `@string`, `@comment` or a block without one). */
  key: string;
  /** Why the block cannot be read, when it cannot. */
  broken?: string;
}

/** Brace depth changes of one block: where it first returns to depth 0, and its net balance. */
interface BraceScan {
  /** Offset (in the block) just past the brace or parenthesis that closes the block, or -1. */
  closeAt: number;
  /** `{` minus `}` over the whole block. */
  net: number;
  /** Depth at the start of each line of the block. */
  lineDepths: number[];
}

function scanBraces(text: string, delimiter: '{' | '('): BraceScan {
  const closer = delimiter === '{' ? '}' : ')';
  let depth = 0;
  let net = 0;
  let closeAt = -1;
  let opened = false;
  const lineDepths = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      // An escaped brace (`\{`) is text, but a line break after a backslash still counts.
      if (text[i + 1] === '\n') lineDepths.push(depth);
      i++;
    } else if (ch === '\n') {
      lineDepths.push(depth);
    } else if (ch === '{') {
      net++;
      depth++;
      opened = true;
    } else if (ch === '}') {
      net--;
      depth--;
      if (opened && depth === 0 && closeAt === -1 && closer === '}') closeAt = i + 1;
    } else if (delimiter === '(' && depth === 0 && !opened && ch === '(') {
      depth++;
      opened = true;
    } else if (delimiter === '(' && ch === ')' && depth === 1 && closeAt === -1) {
      depth--;
      closeAt = i + 1;
    }
  }
  return { closeAt, net, lineDepths };
}

/** The key of an entry block: what follows `@type{` up to the first comma. */
function keyOf(text: string): string {
  return /^[^{(]*[{(]\s*([^,\s=]*)/.exec(text)?.[1] ?? '';
}

/**
 * Why an entry whose braces never balance cannot be read, naming the field that opens a
 * brace it never closes when that can be seen: a field line that starts deeper than the
 * entry's own level follows the unclosed one.
 */
function unbalancedReason(text: string, firstLine: number, scan: BraceScan): string {
  const lines = text.split('\n');
  let lastField: { name: string; line: number } | undefined;
  for (let i = 1; i < lines.length; i++) {
    const field = FIELD_START.exec(lines[i]);
    if (!field) continue;
    if (scan.lineDepths[i] > 1 && lastField) {
      return `the value of ${lastField.name} (line ${lastField.line}) opens a { that is never closed, so the entry's braces do not balance`;
    }
    lastField = { name: field[1].toLowerCase(), line: firstLine + i };
  }
  // The first line may hold fields too (`@article{k, title = {A {B},`).
  return scan.net > 0
    ? `its braces do not balance (${scan.net} { more than }), so the entry never ends`
    : `its braces do not balance (${-scan.net} } more than {)`;
}

/**
 * The blocks of a `.bib` source, in order. A block is broken when its braces do not close
 * it before the next block starts, or when a `}` closes it early and fields follow; a
 * block whose value legitimately holds a line starting with `@word{` is joined with the
 * following block(s) that close that value.
 */
export function splitBlocks(source: string): SourceBlock[] {
  const starts: { at: number; type: string; delimiter: '{' | '(' }[] = [];
  BLOCK_START.lastIndex = 0;
  for (let match = BLOCK_START.exec(source); match; match = BLOCK_START.exec(source)) {
    starts.push({
      at: match.index + match[0].indexOf('@'),
      type: match[1].toLowerCase(),
      delimiter: match[2] as '{' | '(',
    });
  }
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineStarts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const raw = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : source.length;
    const text = source.slice(start.at, end);
    return { ...start, end, text, scan: scanBraces(text, start.delimiter) };
  });

  const blocks: SourceBlock[] = [];
  for (let i = 0; i < raw.length; i++) {
    const block = raw[i];
    const line = lineOf(block.at);
    const base = { start: block.at, line, type: block.type, key: FREE_FORM.has(block.type) ? '' : keyOf(block.text) };
    if (FREE_FORM.has(block.type) || block.delimiter === '(') {
      blocks.push({ ...base, end: block.end });
      continue;
    }
    if (block.scan.closeAt === -1) {
      // Perhaps a value holds a line starting with `@word{`: the blocks after it then close more than they open.
      let net = block.scan.net;
      let j = i;
      while (net > 0 && j + 1 < raw.length && raw[j + 1].scan.net < 0 && !FREE_FORM.has(raw[j + 1].type)) {
        j++;
        net += raw[j].scan.net;
      }
      if (j > i && net === 0) {
        blocks.push({ ...base, end: raw[j].end });
        i = j;
        continue;
      }
      blocks.push({ ...base, end: block.end, broken: unbalancedReason(block.text, line, block.scan) });
      continue;
    }
    // After the closing brace a block holds only comment text; a field there was cut off by an extra }.
    const after = block.text.slice(block.scan.closeAt);
    const stray = /^[ \t]*,?[ \t]*([A-Za-z][\w:.+-]*)[ \t]*=/m.exec(after) ?? /}/.exec(after);
    if (stray && block.type !== 'string' && block.type !== 'preamble') {
      const strayLine = lineOf(block.at + block.scan.closeAt - 1);
      blocks.push({
        ...base,
        end: block.end,
        broken: `a } on line ${strayLine} closes the entry before its last fields (one } too many)`,
      });
      continue;
    }
    blocks.push({ ...base, end: block.end });
  }
  return blocks;
}

/**
 * The source with every broken block replaced by blank lines (the same number of lines,
 * so line numbers elsewhere do not move).
 */
export function withoutBroken(source: string, blocks: readonly SourceBlock[]): string {
  let out = '';
  let last = 0;
  for (const block of blocks) {
    if (!block.broken) continue;
    out += source.slice(last, block.start) + source.slice(block.start, block.end).replace(/[^\n]/g, '');
    last = block.end;
  }
  return out + source.slice(last);
}
