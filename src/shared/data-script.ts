/**
 * The one format of the site's data files: the offline search index, the facet pages list
 * and the reading list's catalogue. A page opened from disk (file://) may not fetch() or
 * import modules, but it may run a classic `<script src>`; so each data file is a script
 * that stores its value under its own name in one global registry:
 *
 *     (self.__paperShelfData||(self.__paperShelfData={}))["offline-search/w/es"]={…};
 *
 * The name is the file's site path without `.js`, so names never collide. `dataScript` is the
 * one writer (the build's endpoints use it); src/client/load-data.ts is the one loader in the
 * browser, and `readDataScript` reads a file back where there is no browser (the Pagefind
 * step, tests, benchmarks).
 */

/** The global registry every data script writes into. */
export const DATA_GLOBAL = '__paperShelfData';

/** The file of a data script, relative to the site root: `<name>.js`. */
export function dataScriptFile(name: string): string {
  return `${name}.js`;
}

function prefix(name: string): string {
  return `(self.${DATA_GLOBAL}||(self.${DATA_GLOBAL}={}))[${JSON.stringify(name)}]=`;
}

/** The text of the data script `name` holding `value` (JSON, which is valid JavaScript). */
export function dataScript(name: string, value: unknown): string {
  return `${prefix(name)}${JSON.stringify(value)};\n`;
}

/** The value of a data script written by `dataScript` for `name`; throws on anything else. */
export function readDataScript<T>(text: string, name: string): T {
  const head = prefix(name);
  const body = text.trimEnd();
  if (!body.startsWith(head) || !body.endsWith(';')) {
    throw new Error(`not the data script "${name}" (it must start ${head})`);
  }
  return JSON.parse(body.slice(head.length, -1)) as T;
}
