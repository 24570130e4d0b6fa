/**
 * The importer's public API: pure parsers and serialiser (no file system), and the CLI
 * entry `runImport` (src/importer/cli.ts) that alone reads and writes files.
 */
export { formatIssue } from './types.ts';
export type {
  ImportIssue,
  PaperDraft,
  ParseOptions,
  ParseResult,
  ParseSourceOptions,
  SourceFormat,
  SourceParser,
} from './types.ts';
export { detectFormat, parseSource, PARSERS } from './source.ts';
export { parseListing, resolveDate } from './listing.ts';
export { latexToMarkdown, latexToText } from './latex.ts';
export { isImporterOutput, toMarkdown } from './markdown.ts';
export { planWrites, type Plan, type PlannedAction } from './plan.ts';
export { runImport } from './cli.ts';
