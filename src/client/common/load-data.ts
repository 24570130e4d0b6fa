/**
 * The one loader of the site's data scripts (src/shared/data-script.ts) in the browser: the
 * offline search index, the facet-value pages and the reading list's catalogue. A data script
 * is run with a classic `<script src>` — the one way to load data that also works from
 * file:// — and stores its value under its name in a global registry, where this takes it.
 * Each file is loaded once per page; a failed load may be retried.
 */
import { DATA_GLOBAL, dataScriptFile } from '../../shared/data-script.ts';
import { loadScript } from './load-script.ts';

declare global {
  interface Window {
    [DATA_GLOBAL]?: Record<string, unknown>;
  }
}

const loading = new Map<string, Promise<unknown>>();

/** The value of the data script `name` (its site path without `.js`) under `siteRoot`. */
export function loadData<T>(siteRoot: URL, name: string): Promise<T> {
  const src = new URL(dataScriptFile(name), siteRoot).href;
  let promise = loading.get(src);
  if (!promise) {
    promise = loadScript(src).then(() => {
      const registry = window[DATA_GLOBAL] ?? {};
      if (!Object.hasOwn(registry, name)) throw new Error(`${src} did not contain the data "${name}"`);
      const value = registry[name];
      // The loader's promise keeps the value; the registry need not keep a second reference.
      delete registry[name];
      return value;
    });
    promise.catch(() => loading.delete(src));
    loading.set(src, promise);
  }
  return promise as Promise<T>;
}
