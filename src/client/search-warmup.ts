/**
 * Classic script `scripts/search-warmup.js`: starts the search while the reader is still
 * typing in a page's header search box, so the search page they are about to open can show
 * results at once. The header box injects it on first focus (served sites only: from file://
 * the search page uses the offline index, which needs no warm-up).
 *
 * First, all at once, the files every search needs whatever the words (the shard list names
 * them: Pagefind's script, WebAssembly, entry and index metadata), as `<link rel="prefetch">`,
 * so the next page may use them without asking the host again. When the reader pauses, or
 * presses Enter, Pagefind searches the typed words here and the first results are kept for
 * the search page to paint before its own engine has started (search/handoff.ts).
 *
 * Enter waits for that search's first result, and for the search page and its script (at most
 * ENTER_WAIT_MS, the box marked busy), before the search page opens: leaving the page cancels
 * every download still under way (in Chromium, prefetches too), and on a slow network the
 * search page would fetch the same files again from their start. Waiting here, the reader sees
 * the results sooner (bench/search-speed.ts).
 */
import { createPagefindBackend, shardList } from './search/pagefind-backend.ts';
import { siteRootFromScript } from './search/links.ts';
import { SHARDS_MANIFEST } from '../shared/pagefind.ts';
import { SEARCH_TERM_PARAM } from '../shared/paths.ts';
import { keepHandoff, RESULTS_PER_BATCH } from './search/handoff.ts';
import type { SearchHit } from '../shared/search-record.ts';

/** The search page's own script (src/pages/search/index.astro). */
const SEARCH_SCRIPT = 'scripts/search.js';

/** Pause after a keystroke before loading the index parts of the words typed so far. */
const TYPING_PAUSE_MS = 120;

/** Letters the last word typed needs before its index parts are loaded between keys. */
const PRELOAD_MIN_LETTERS = 4;

/**
 * Pause after a keystroke before searching the words typed so far for the search page: longer
 * than between keys, so a fast typist's every prefix is not searched (each search of a common
 * word keeps Pagefind busy and loads index parts the reader may not need), short enough to be
 * done while the reader reads the box.
 */
const SEARCH_AHEAD_PAUSE_MS = 300;

/** Longest wait on Enter for the search under way before the search page opens anyway. */
const ENTER_WAIT_MS = 3000;

/** Prefetches `url`; resolves once it has loaded or failed. */
function prefetch(url: URL): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = url.href;
  const done = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
  });
  document.head.append(link);
  return done;
}

/** Prefetches the files every search needs; resolves once they have loaded. */
async function prefetchFixedFiles(siteRoot: URL): Promise<void> {
  const manifestUrl = new URL(SHARDS_MANIFEST, siteRoot);
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(`${manifestUrl.href}: HTTP ${response.status}`);
  const { files } = shardList(await response.json(), manifestUrl);
  await Promise.all(files.map((file) => prefetch(new URL(file, siteRoot))));
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** The header search box's form and its term field, if `target` is one of them. */
function searchForm(target: EventTarget | null): { form: HTMLFormElement; field: HTMLInputElement } | undefined {
  const form = target instanceof HTMLInputElement ? target.form : target;
  if (!(form instanceof HTMLFormElement) || form.getAttribute('role') !== 'search') return undefined;
  const field = form.elements.namedItem(SEARCH_TERM_PARAM);
  return field instanceof HTMLInputElement ? { form, field } : undefined;
}

/** The URL the form opens, as the browser builds it for a GET submission. */
function submissionUrl(form: HTMLFormElement): URL {
  const url = new URL(form.action);
  url.search = new URLSearchParams(
    [...new FormData(form)].map(([name, value]): [string, string] => [name, String(value)]),
  ).toString();
  return url;
}

const self = document.currentScript;
if (self instanceof HTMLScriptElement) {
  const siteRoot = siteRootFromScript(self.src);
  let fixedFilesIn = false;
  const fixedFiles = prefetchFixedFiles(siteRoot)
    .then(() => (fixedFilesIn = true))
    .catch((error: unknown) => console.warn('search warm-up failed', error));
  const backend = createPagefindBackend(siteRoot);
  // Warming up is only a head start: the search page loads (and reports) for itself.
  const warmUp = (work: Promise<unknown>) =>
    work.catch((error: unknown) => console.warn('search warm-up failed', error));
  /** What the header box searches: the words alone, by relevance, counting no facet. */
  const plainQuery = (term: string) => ({ term, filters: {}, sort: 'relevance', countFacets: [] }) as const;
  void warmUp(backend.preload(plainQuery('')));

  /** The words in the box as last typed: an older search's results are not handed over. */
  let latest = '';
  let searchScript: Promise<void> | undefined;
  const prefetchSearchScript = () => (searchScript ??= prefetch(new URL(SEARCH_SCRIPT, siteRoot)));

  /**
   * The search ahead under way or done: for which words, when the index parts of its words are
   * in, and when its first result is kept.
   */
  let ahead: { term: string; indexParts: Promise<void>; first: Promise<void> } | undefined;
  /**
   * Searches `term` and keeps its first results for the search page, as they load (the page
   * paints what it finds and its own search adds the rest). Once per term.
   */
  const searchAhead = (term: string): NonNullable<typeof ahead> => {
    if (ahead?.term !== term) {
      const indexParts = signal();
      const first = signal();
      void warmUp(
        (async () => {
          const query = plainQuery(term);
          await backend.preload(query);
          indexParts.resolve();
          const outcome = await backend.search(query);
          const count = Math.min(RESULTS_PER_BATCH, outcome.total);
          const pending = Array.from({ length: count }, (_, i) => outcome.hits(i, 1));
          for (const hit of pending) hit.catch(() => {});
          const hits: SearchHit[] = [];
          for (const hit of pending) {
            hits.push(...(await hit));
            if (term === latest) keepHandoff({ term, total: outcome.total, hits });
            first.resolve();
          }
        })(),
      ).finally(() => {
        indexParts.resolve();
        first.resolve();
      });
      ahead = { term, indexParts: indexParts.promise, first: first.promise };
    }
    return ahead;
  };

  // The search page's script when the network is free: after the files above, and after the
  // index parts of a search ahead that started meanwhile (while Pagefind ranks them and the
  // first results' data is asked for, the network is idle).
  void fixedFiles.then(() => ahead?.indexParts).then(prefetchSearchScript);

  /**
   * Between keys, the index parts of the words typed so far, once the files every search needs
   * are in (until then the network has better to do) and when the last word has letters
   * enough: a short one's parts are those of every word it starts.
   */
  const preloadTyped = (term: string) => {
    if (!fixedFilesIn || opening || [...(term.split(/\s+/).at(-1) ?? '')].length < PRELOAD_MIN_LETTERS) return;
    void warmUp(backend.preload(plainQuery(term)));
  };

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('input', (event) => {
    const box = searchForm(event.target);
    if (!box) return;
    clearTimeout(typingTimer);
    clearTimeout(searchTimer);
    latest = box.field.value.trim();
    if (latest === '') return;
    typingTimer = setTimeout(() => preloadTyped(latest), TYPING_PAUSE_MS);
    searchTimer = setTimeout(() => void searchAhead(latest), SEARCH_AHEAD_PAUSE_MS);
  });

  /** The search page about to open, while Enter waits (see above). */
  let opening: { form: HTMLFormElement; open: () => void } | undefined;
  document.addEventListener('submit', (event) => {
    const box = searchForm(event.target);
    const term = box?.field.value.trim() ?? '';
    if (!box || term === '') return;
    event.preventDefault();
    // Enter again while waiting: open it now.
    if (opening) return opening.open();
    const { form } = box;
    let opened = false;
    const open = () => {
      if (opened) return;
      opened = true;
      form.submit();
    };
    opening = { form, open };
    clearTimeout(typingTimer);
    clearTimeout(searchTimer);
    latest = term;
    form.setAttribute('aria-busy', 'true');
    const { indexParts, first } = searchAhead(term);
    // The search page itself, like its script, once the network is free for it.
    const searchPage = indexParts.then(() => Promise.all([prefetch(submissionUrl(form)), prefetchSearchScript()]));
    const ready = Promise.all([first, searchPage]);
    void Promise.race([ready, new Promise((resolve) => setTimeout(resolve, ENTER_WAIT_MS))]).then(open);
  });
  // Back to this page from the search page (back/forward cache): the box is idle again.
  addEventListener('pageshow', () => {
    opening?.form.removeAttribute('aria-busy');
    opening = undefined;
    // Its results were handed over and taken: the same words are searched again.
    ahead = undefined;
  });
}
