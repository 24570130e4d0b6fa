/**
 * One entry point for every source format: `parseSource` picks the parser (forced, or
 * detected from the file extension, then from the content) and runs it.
 *
 * A new format plugs in by adding its parser to `PARSERS` and, if it has its own file
 * extension, to `EXTENSIONS`.
 */
import { parseBibtex } from './bibtex.ts';
import { parseCslJson } from './csl-json.ts';
import { parseListing } from './listing.ts';
import { parseRis } from './ris.ts';
import {
  SOURCE_FORMATS,
  type ParseResult,
  type ParseSourceOptions,
  type SourceFormat,
  type SourceParser,
} from './types.ts';

/** The parser of each format. A format without a parser here is reported as unavailable. */
export const PARSERS: { [F in SourceFormat]?: SourceParser } = {
  listing: parseListing,
  bibtex: parseBibtex,
  ris: parseRis,
  'csl-json': parseCslJson,
};

/** File extensions (lower case, with the dot) that name a format. */
const EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'listing',
  '.bib': 'bibtex',
  '.bibtex': 'bibtex',
  '.ris': 'ris',
  '.json': 'csl-json',
};

/** True when `value` names a format the importer knows (parser available or not). */
export function isSourceFormat(value: string): value is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(value);
}

/**
 * The format of `file`: its extension when that names one, otherwise its content
 * (a BibTeX file starts, after comments, with `@type{`; a RIS file with a `TY  -` line;
 * CSL-JSON with `[` or `{`).
 */
export function detectFormat(file: string, text: string): SourceFormat {
  const extension = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase();
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension];
  const start = text.replace(/^\uFEFF/, '');
  if (/^\s*(?:%[^\n]*\n\s*)*@[A-Za-z]+\s*[{(]/.test(start)) return 'bibtex';
  if (/^\s*TY {1,2}- /.test(start)) return 'ris';
  if (/^\s*[[{]/.test(start)) return 'csl-json';
  return 'listing';
}

/** Parses `text` with the parser of its format (see `detectFormat`, `options.format`). */
export function parseSource(text: string, options: ParseSourceOptions): ParseResult {
  const { format: forced, ...parseOptions } = options;
  const format = forced ?? detectFormat(options.file, text);
  const parser = PARSERS[format];
  if (!parser) {
    return {
      papers: [],
      issues: [
        {
          file: options.file,
          line: 1,
          message: `the ${format} format is not available in this version, expected a paper listing`,
        },
      ],
      notices: [],
    };
  }
  return parser(text, parseOptions);
}
