/**
 * CSL-JSON files (Zotero's and Mendeley's "CSL JSON" export, Better BibTeX, pandoc, this
 * site's own `/papers.csl.json`) into paper drafts. Each item is read by Citation.js
 * (which upgrades CSL 1.0.1 variables and reads names and dates) and mapped like any CSL
 * item (csl-draft.ts). Problems name the item's line and its JSON path (`$[3]`), so one
 * bad item costs one item.
 */
import { normaliseCslItems } from '../lib/citation-js.ts';
import { draftFromCsl } from './csl-draft.ts';
import type { ImportIssue, PaperDraft, ParseOptions, ParseResult } from './types.ts';

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Where each element of the top-level array starts (character offsets), found by a scan
 * that skips strings: JSON.parse gives values, not positions, and messages must name lines.
 */
function elementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectElement) {
      offsets.push(i);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1 && char === '[') expectElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return offsets;
}

/** The line and column of a JSON syntax error, from V8's message ("… at position 12 (line 2 column 5)"). */
function syntaxErrorLine(text: string, error: SyntaxError): number {
  const line = /\(line (\d+) column \d+\)/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(error.message);
  return position ? lineAt(text, Number(position[1])) : 1;
}

/** Parses a CSL-JSON file into drafts (pure: no file system). */
export function parseCslJson(text: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const issues: ImportIssue[] = [];
  const notices: string[] = [];
  const papers: PaperDraft[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    const syntax = error as SyntaxError;
    return {
      papers,
      issues: [
        {
          file,
          line: syntaxErrorLine(source, syntax),
          message: `not valid JSON (${syntax.message.replace(/\s*(?:in JSON )?at position \d+.*$/, '')}), expected a CSL-JSON array of items`,
        },
      ],
      notices,
    };
  }
  // A single item, or an object wrapping the list (`{ "items": […] }`), is read as a list too.
  const wrapped = !Array.isArray(parsed) && typeof parsed === 'object' && parsed !== null && 'items' in parsed;
  const list: unknown = Array.isArray(parsed) ? parsed : wrapped ? (parsed as { items: unknown }).items : [parsed];
  if (!Array.isArray(list) || list.length === 0) {
    return {
      papers,
      issues: [
        { file, line: 1, message: 'no items, expected a CSL-JSON array of items ([{ "type": …, "title": … }])' },
      ],
      notices,
    };
  }
  const offsets = Array.isArray(parsed) ? elementOffsets(source) : [];
  const leftOut = new Map<string, number>();

  list.forEach((raw, index) => {
    const line = offsets[index] === undefined ? 1 : lineAt(source, offsets[index]);
    const where = wrapped ? `$.items[${index}]` : Array.isArray(parsed) ? `$[${index}]` : '$';
    const issue = (message: string) => issues.push({ file, line, message: `${where}: ${message}` });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issue(
        `is ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}, expected a CSL item (an object with "type" and "title")`,
      );
      return;
    }
    let item: Record<string, unknown>;
    try {
      [item] = normaliseCslItems([raw]);
    } catch (error) {
      issue(`could not be read (${error instanceof Error ? error.message : String(error)}), expected a CSL item`);
      return;
    }
    const result = draftFromCsl(item ?? raw, line);
    for (const variable of [...result.leftOut, ...result.dropped])
      leftOut.set(variable, (leftOut.get(variable) ?? 0) + 1);
    if (!result.ok) issue(result.message);
    else papers.push(result.draft);
  });
  if (leftOut.size > 0) {
    notices.push(
      `${file}: not kept (no place in a paper's frontmatter): ${[...leftOut].map(([variable, count]) => `${variable} in ${count} item${count === 1 ? '' : 's'}`).join(', ')}`,
    );
  }
  return { papers, issues, notices };
}
