/**
 * Classic script `scripts/offline-search.js`: registers the offline search back end for
 * a site opened from disk. The search UI injects it only under file:// (see
 * OFFLINE_BACKEND_GLOBAL in search/backend.ts); it loads no index until the first search.
 */
import { OFFLINE_BACKEND_GLOBAL } from './search/backend.ts';
import { createOfflineBackend, scriptLoader } from './search/offline-backend.ts';
import { INDEX_DIR } from './search/offline-format.ts';

const self = document.currentScript;
if (!(self instanceof HTMLScriptElement)) {
  throw new Error('offline search: load scripts/offline-search.js with a classic <script src>');
}
// The index sits next to the scripts folder: <site root>/offline-search/.
window[OFFLINE_BACKEND_GLOBAL] = createOfflineBackend(scriptLoader(new URL(`../${INDEX_DIR}/`, self.src)));
