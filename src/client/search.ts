/**
 * Classic script `scripts/search.js` of the search page. Picks the back end: stock Pagefind
 * when the site is served; the offline index registered by `scripts/offline-search.js` (see
 * OFFLINE_BACKEND_GLOBAL in search/backend.ts) from file://, where Pagefind cannot load
 * (module import, fetch, WASM and workers are blocked), and when the page says so
 * (`data-search-backend="offline"`: `npm run dev`, which has no Pagefind bundle but serves
 * the offline index from the live content).
 */
import { OFFLINE_BACKEND_GLOBAL, OFFLINE_BACKEND_SCRIPT, type SearchBackend } from './search/backend.ts';
import { pathToRoot, siteRootFromScript } from './search/links.ts';
import { createPagefindBackend } from './search/pagefind-backend.ts';
import { SearchPage, pageElements } from './search/page.ts';
import { loadData } from './common/load-data.ts';
import { loadScript } from './common/load-script.ts';
import type { FacetPageShards } from '../shared/facet-pages.ts';

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

function start(): void {
  const elements = pageElements();
  const offline = location.protocol === 'file:' || elements.ui.dataset.searchBackend === 'offline';
  let backend: Promise<SearchBackend> | undefined;
  new SearchPage(elements, {
    toRoot: pathToRoot(siteRoot, new URL(location.href)),
    backend: () => (backend ??= offline ? offlineBackend() : Promise.resolve(createPagefindBackend(siteRoot))),
    facetPageShards: JSON.parse(elements.ui.dataset.facetPages ?? '{}') as FacetPageShards,
    load: (name) => loadData(siteRoot, name),
  }).start();
}

// Deferred scripts run after parsing, but the script may also be loaded without `defer`.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
