/**
 * Classic script `scripts/search-warmup.js`: starts loading the search while the reader is
 * still typing in a page's header search box, so the search page they are about to open finds
 * what it needs in the browser's cache. The header box injects it on first focus (served
 * sites only: from file:// the search page uses the offline index, which needs no warm-up).
 *
 * First, all at once, the files every search needs whatever the words (the shard list names
 * them: Pagefind's script, worker, WebAssembly, entry and index metadata) and the search page's
 * script, as `<link rel="prefetch">`: they keep loading when the reader presses Enter and
 * leaves the page, and the next page may use them without asking the host again. Then, as the
 * reader types, Pagefind itself loads the index parts of the typed words and the data of the
 * facets the search page counts first — everything but the results.
 */
import { createPagefindBackend, shardList } from './search/pagefind-backend.ts';
import { siteRootFromScript } from './search/links.ts';
import { FACET_NAMES, facetSpec } from '../shared/facets.ts';
import { SHARDS_MANIFEST } from '../shared/pagefind.ts';

/** The search page's own script (src/pages/search/index.astro). */
const SEARCH_SCRIPT = 'scripts/search.js';

/** Pause after a keystroke before loading the index parts of the words typed so far. */
const TYPING_PAUSE_MS = 120;

function prefetch(url: URL): void {
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = url.href;
  document.head.append(link);
}

async function prefetchFixedFiles(siteRoot: URL): Promise<void> {
  const manifestUrl = new URL(SHARDS_MANIFEST, siteRoot);
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(`${manifestUrl.href}: HTTP ${response.status}`);
  const { files } = shardList(await response.json(), manifestUrl);
  for (const file of [...files, SEARCH_SCRIPT]) prefetch(new URL(file, siteRoot));
}

const self = document.currentScript;
if (self instanceof HTMLScriptElement) {
  const siteRoot = siteRootFromScript(self.src);
  prefetchFixedFiles(siteRoot).catch((error: unknown) => console.warn('search warm-up failed', error));
  const backend = createPagefindBackend(siteRoot);
  const countFacets = FACET_NAMES.filter((facet) => !facetSpec(facet).onRequest);
  const preload = (term: string) =>
    backend.preload({ term, filters: {}, sort: 'relevance', countFacets }).catch((error: unknown) => {
      // Warming up is only a head start: the search page loads (and reports) for itself.
      console.warn('search warm-up failed', error);
    });
  const box = document.activeElement;
  const typed = box instanceof HTMLInputElement ? box.value : '';
  void preload(typed);
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== 'q') return;
    clearTimeout(timer);
    timer = setTimeout(() => void preload(input.value), TYPING_PAUSE_MS);
  });
}
