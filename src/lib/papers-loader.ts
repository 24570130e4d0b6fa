/**
 * The `papers` collection's loader: Astro's `glob` loader over `content/papers/*.md`
 * (or `PAPERS_DIR`), with dates read as written. The `notes` collection uses it too.
 *
 * Why the wrapper: Astro parses frontmatter with js-yaml, which turns an unquoted
 * `date: 2024-02-30` into a Date that has already overflowed to 1 March (and
 * `2024-13-01` into January 2025) before the schema sees it. For a date that YAML made
 * into a Date, this loader hands the schema the text the file holds instead, so an
 * impossible date fails the build with the file and the field named.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob, type Loader } from 'astro/loaders';

/** A top-level `<field>:` line of YAML frontmatter, its value without a trailing comment. */
function fieldLine(field: string): RegExp {
  return new RegExp(`^${field}:[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, 'm');
}

/** The frontmatter block of a Markdown file (the same block Astro reads). */
const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The date a file's frontmatter writes, as text: `2024-02-30` stays `2024-02-30`. A YAML
 * timestamp with a time of day (`2024-02-03T10:00:00Z`) keeps its calendar day. Undefined
 * when the file has no plain `date:` line.
 */
export function dateAsWritten(fileText: string, field = 'date'): string | undefined {
  const frontmatter = FRONTMATTER.exec(fileText)?.[1];
  const raw = frontmatter === undefined ? undefined : fieldLine(field).exec(frontmatter)?.[1];
  if (!raw) return undefined;
  const unquoted = raw.replace(/^(['"])(.*)\1$/, '$2');
  // A timestamp's day is what the schema keeps; a bare date is kept whole, so the schema
  // sees exactly what was written.
  return /^\d{4}-\d{2}-\d{2}[Tt ]/.test(unquoted) ? unquoted.slice(0, 10) : unquoted;
}

/** An error Astro prints with its `Location:` (its AstroError class is not exported). */
function hasLocation(error: Error): error is Error & { loc: { file: string; line?: number; column?: number } } {
  return 'loc' in error;
}

/**
 * The line of the first field a schema error names (Astro lists them as `  field: why`),
 * or undefined when it cannot be found in the file.
 */
async function firstProblemLine(filePath: string, message: string): Promise<number | undefined> {
  const field = /^\s*\**([A-Za-z]\w*)/m.exec(message.split('\n').slice(1).join('\n'))?.[1];
  if (!field) return undefined;
  const lines = (await readFile(filePath, 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? undefined : index + 1;
}

/** The glob loader over `base`, with every YAML-made date in `dateFields` replaced by its text as written. */
export function papersLoader(base: string, dateFields: readonly string[] = ['date']): Loader {
  const inner = glob({ pattern: '*.md', base });
  return {
    name: 'papers-loader',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (entry) => {
          const yamlDates = dateFields.filter((field) => entry.data[field] instanceof Date);
          if (yamlDates.length > 0 && entry.filePath) {
            const text = await readFile(entry.filePath, 'utf8');
            for (const field of yamlDates) {
              const written = dateAsWritten(text, field);
              // The schema reads the text; the other fields stay as Astro parsed them.
              if (written !== undefined) entry.data = Object.assign({}, entry.data, { [field]: written });
            }
          }
          try {
            return await context.parseData(entry);
          } catch (error) {
            // Astro's message names the collection entry; the reader needs the file to open.
            if (error instanceof Error && entry.filePath) {
              const file = path.relative(process.cwd(), entry.filePath);
              const line = await firstProblemLine(entry.filePath, error.message);
              error.message = `${file}${line ? `:${line}` : ''}: ${error.message}`;
              // Astro's own errors print this location instead of the loader's frame.
              if (hasLocation(error)) error.loc = { file: entry.filePath, line, column: 1 };
            }
            throw error;
          }
        },
      }),
  };
}
