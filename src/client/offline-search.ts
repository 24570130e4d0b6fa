/**
 * Classic script `scripts/offline-search.js`: registers the offline search back end, for a
 * site opened from disk and for `npm run dev`. The search UI injects it only then (see
 * OFFLINE_BACKEND_GLOBAL in search/backend.ts); it loads no index until the first search.
 */
import { OFFLINE_BACKEND_GLOBAL } from './search/backend.ts';
import { createOfflineBackend } from './search/offline-backend.ts';
import { siteRootFromScript } from './search/links.ts';
import { loadData } from './common/load-data.ts';

const self = document.currentScript;
if (!(self instanceof HTMLScriptElement)) {
  throw new Error('offline search: load scripts/offline-search.js with a classic <script src>');
}
const siteRoot = siteRootFromScript(self.src);
window[OFFLINE_BACKEND_GLOBAL] = createOfflineBackend((name) => loadData(siteRoot, name));
