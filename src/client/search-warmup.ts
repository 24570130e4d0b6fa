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
 * facets the search page counts first, then searches them and keeps the first results for the
 * search page to paint at once (search/handoff.ts).
 */
import { createPagefindBackend, shardList } from './search/pagefind-backend.ts';
import { siteRootFromScript } from './search/links.ts';
import { FACET_NAMES, facetSpec } from '../shared/facets.ts';
import { SHARDS_MANIFEST } from '../shared/pagefind.ts';
import { SEARCH_TERM_PARAM } from '../shared/paths.ts';
import { keepHandoff, RESULTS_PER_BATCH } from './search/handoff.ts';

/** The search page's own script (src/pages/search/index.astro). */
const SEARCH_SCRIPT = 'scripts/search.js';

/** Pause after a keystroke before loading the index parts of the words typed so far. */
const TYPING_PAUSE_MS = 120;

/**
 * Pause after a keystroke before searching the words typed so far for the search page: longer
 * than between keys, so a fast typist's every prefix is not searched (each search of a common
 * word keeps Pagefind's worker busy), short enough to be done while the reader reads the box.
 */
const SEARCH_AHEAD_PAUSE_MS = 300;

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
  const warmUp = (work: Promise<unknown>) =>
    work.catch((error: unknown) => {
      // Warming up is only a head start: the search page loads (and reports) for itself.
      console.warn('search warm-up failed', error);
    });
  const query = (typed: string) => ({ term: typed.trim(), filters: {}, sort: 'relevance' as const, countFacets });
  const preload = (typed: string) => warmUp(backend.preload(query(typed)));
  /** The words in the box as last typed: an older search's results are not handed over. */
  let latest = '';
  /** Searches the typed term and keeps its first results for the search page. */
  const searchAhead = (typed: string) =>
    warmUp(
      (async () => {
        const { term } = query(typed);
        if (term === '') return;
        const outcome = await backend.search({ ...query(typed), countFacets: [] });
        const hits = await outcome.hits(0, RESULTS_PER_BATCH);
        if (term === latest) keepHandoff({ term, total: outcome.total, hits });
      })(),
    );
  const box = document.activeElement;
  const typed = box instanceof HTMLInputElement ? box.value : '';
  void preload(typed);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== SEARCH_TERM_PARAM) return;
    clearTimeout(timer);
    clearTimeout(searchTimer);
    latest = input.value.trim();
    timer = setTimeout(() => void preload(input.value), TYPING_PAUSE_MS);
    searchTimer = setTimeout(() => void searchAhead(input.value), SEARCH_AHEAD_PAUSE_MS);
  });
}
