/**
 * Classic script `scripts/search.js` of the search page. Picks the back end: stock
 * Pagefind when the site is served over http(s); from file://, where Pagefind cannot load
 * (module import, fetch, WASM and workers are blocked), the offline index registered by
 * `scripts/offline-search.js` (see OFFLINE_BACKEND_GLOBAL in search/backend.ts).
 */
import { OFFLINE_BACKEND_GLOBAL, OFFLINE_BACKEND_SCRIPT, type SearchBackend } from './search/backend.ts';
import { pathToRoot, siteRootFromScript } from './search/links.ts';
import { createPagefindBackend } from './search/pagefind-backend.ts';
import { SearchPage, pageElements } from './search/page.ts';
import { loadScript } from './load-script.ts';

const self = document.currentScript;
if (!(self instanceof HTMLScriptElement)) {
  throw new Error('search: load scripts/search.js with a classic <script src>');
}
const siteRoot = siteRootFromScript(self.src);

async function offlineBackend(): Promise<SearchBackend> {
  if (!window[OFFLINE_BACKEND_GLOBAL]) await loadScript(new URL(OFFLINE_BACKEND_SCRIPT, siteRoot).href);
  const backend = window[OFFLINE_BACKEND_GLOBAL];
  if (!backend) throw new Error(`${OFFLINE_BACKEND_SCRIPT} did not register window.${OFFLINE_BACKEND_GLOBAL}`);
  return backend;
}

let backend: Promise<SearchBackend> | undefined;
function chooseBackend(): Promise<SearchBackend> {
  backend ??= location.protocol === 'file:' ? offlineBackend() : Promise.resolve(createPagefindBackend(siteRoot));
  return backend;
}

function start(): void {
  new SearchPage(pageElements(), {
    toRoot: pathToRoot(siteRoot, new URL(location.href)),
    backend: chooseBackend,
  }).start();
}

// Deferred scripts run after parsing, but the script may also be loaded without `defer`.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
