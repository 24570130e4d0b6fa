/**
 * The search page in the browser: reads the query, filters and sort from the URL, searches
 * as the reader types (debounced), shows results with facet counts, and writes the state
 * back to the URL (typing replaces the history entry, a filter, sort or submit adds one, so
 * Back steps through searches). Works with either back end (see backend.ts).
 *
 * A filter without a term never searches: Pagefind would download the whole index for it.
 * The page shows links to the static topic/year/author/affiliation pages instead.
 */
import type { FacetCounts, FacetName, SearchBackend, SearchHit, SearchOutcome } from './backend.ts';
import { takeHandoff, RESULTS_PER_BATCH as BATCH } from './handoff.ts';
import { facetPagePath, pageHref, type DataLoader } from './links.ts';
import { filterOutcome } from '../reading-list/search-filter.ts';
import { listFilterGroup, listFilterTest } from '../reading-list/search-panel.ts';
import type { FacetPageShards } from '../../shared/facet-pages.ts';
import { FACET_NAMES, facetFilterLabel, facetLabel, facetSpec, facetValueLabel } from '../../shared/facets.ts';
import { fill, formatList, formatNumber, plural } from '../../shared/i18n/format.ts';
import { uiStrings } from '../common/ui-strings.ts';
import { SCRIPT_PARTS } from '../../shared/i18n/client-strings.ts';
import {
  emptyState,
  isSort,
  searchParamsFromState,
  selectedFilters,
  stateFromSearchParams,
  withFilter,
  type SearchState,
} from './state.ts';

/**
 * Pause after a keystroke before searching: none, so each keystroke's results follow at once
 * (an older search's answer is dropped when a newer one started).
 */
const TYPING_DELAY_MS = 0;
/**
 * Facet counts wait this long after the last keystroke: counting is another search of the
 * same words, as long as the first, so while the reader types only the results follow each
 * key, and the counts come when they pause.
 */
const COUNTS_PAUSE_MS = 250;
/** Values a facet shows before its "Show all" button. */
const FACET_PREVIEW = 8;

/** The elements of the page's static markup (src/pages/search/index.astro). */
interface PageElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  ui: HTMLElement;
  filters: HTMLElement;
  selected: HTMLElement;
  facets: HTMLElement;
  status: HTMLElement;
  hint: HTMLElement;
  hits: HTMLOListElement;
  more: HTMLButtonElement;
  browse: HTMLElement;
}

function find<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`search page: missing ${selector}`);
  return element;
}

export function pageElements(root: ParentNode = document): PageElements {
  return {
    form: find(root, '[data-search-form]', HTMLFormElement),
    input: find(root, '[data-search-input]', HTMLInputElement),
    sort: find(root, '[data-search-sort]', HTMLSelectElement),
    ui: find(root, '[data-search-ui]', HTMLElement),
    filters: find(root, '[data-search-filters]', HTMLElement),
    selected: find(root, '[data-search-selected]', HTMLElement),
    facets: find(root, '[data-search-facets]', HTMLElement),
    status: find(root, '[data-search-status]', HTMLElement),
    hint: find(root, '[data-search-hint]', HTMLElement),
    hits: find(root, '[data-search-hits]', HTMLOListElement),
    more: find(root, '[data-search-more]', HTMLButtonElement),
    browse: find(root, '[data-search-browse]', HTMLElement),
  };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Text that only decorates (separators, ×), hidden from screen readers. */
function decoration(text: string): HTMLSpanElement {
  const span = element('span', {}, text);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/**
 * Appends a back end's excerpt, in which only `<mark>` is markup: parsed inert in a
 * <template>, everything but the marks is kept as text, so no other markup can get in.
 */
function appendExcerpt(target: HTMLElement, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node instanceof HTMLElement && node.tagName === 'MARK')
      target.append(element('mark', {}, node.textContent ?? ''));
    else target.append(node.textContent ?? '');
  }
}

export interface SearchPageOptions {
  /** `../` repeated up to the site root, for result and facet links. */
  toRoot: string;
  /** Resolves the back end on first use (Pagefind when served, the offline index from file://). */
  backend: () => Promise<SearchBackend>;
  /** How many shards each facet's list of pages has (from the page's markup). */
  facetPageShards: FacetPageShards;
  /** Loads the site's data scripts. */
  load: DataLoader;
}

export class SearchPage {
  private state: SearchState = emptyState();
  private readonly ui = uiStrings(SCRIPT_PARTS.search);
  private readonly words = this.ui.strings.search;
  private readonly els: PageElements;
  private readonly options: SearchPageOptions;
  /** Increases with every search, so a slow answer to an old search is dropped. */
  private generation = 0;
  /** The search loop under way, if any, and whether it must search once more. */
  private running: Promise<void> | undefined;
  private rerun = false;
  private outcome: SearchOutcome | undefined;
  /** The facet counts shown. */
  private counts: FacetCounts = {};
  private shown = 0;
  /** The results shown are those the header box's search handed over (search/handoff.ts). */
  private handedOver = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the reader last typed in the box (0: not yet). */
  private lastKeyAt = 0;
  /** Ends the wait for a pause in typing at once, when a newer search starts. */
  private endPause: (() => void) | undefined;
  /** Facets whose full value list the reader opened. */
  private readonly expanded = new Set<FacetName>();
  /** Facets counted on request that the reader asked to count. */
  private readonly counted = new Set<FacetName>();
  /** A facet whose first value takes the focus once it is drawn (after "Show authors"). */
  private focusFacet: FacetName | undefined;

  constructor(els: PageElements, options: SearchPageOptions) {
    this.els = els;
    this.options = options;
  }

  start(): void {
    const { form, input, sort, hits, more } = this.els;
    this.els.ui.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.typingTimer);
      this.update({ ...this.state, term: input.value.trim() }, 'push');
    });
    input.addEventListener('input', () => {
      this.lastKeyAt = performance.now();
      clearTimeout(this.typingTimer);
      this.setBusy(true);
      this.typingTimer = setTimeout(
        () => this.update({ ...this.state, term: input.value.trim() }, 'replace'),
        TYPING_DELAY_MS,
      );
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && this.resultLinks().length > 0) {
        event.preventDefault();
        this.resultLinks()[0].focus();
      }
    });
    sort.addEventListener('change', () => {
      if (isSort(sort.value)) this.update({ ...this.state, sort: sort.value }, 'push');
    });
    hits.addEventListener('keydown', (event) => this.moveInResults(event));
    more.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => this.load());
    this.load();
    // Nothing typed yet: load the search engine now, so the first keystroke finds it ready.
    if (this.state.term === '') {
      void this.options
        .backend()
        .then((backend) => backend.preload?.({ ...this.state, term: '' }))
        .catch((error: unknown) => console.warn('search: warming up failed', error));
    }
  }

  /** Takes the state from the URL (first visit, reload, Back/Forward). */
  private load(): void {
    this.state = stateFromSearchParams(location.search);
    this.els.input.value = this.state.term;
    this.els.sort.value = this.state.sort;
    this.showHandoff();
    void this.run();
  }

  private update(next: SearchState, history: 'push' | 'replace'): void {
    const query = searchParamsFromState(next);
    if (query !== searchParamsFromState(this.state)) {
      const target = `${location.pathname}${query}${location.hash}`;
      if (history === 'push') window.history.pushState(null, '', target);
      else window.history.replaceState(null, '', target);
    }
    this.state = next;
    void this.run();
  }

  /**
   * Paints the results the page the reader came from found for the same plain term, if any,
   * while this page's own search starts; that search shows the same results in their place.
   */
  private showHandoff(): void {
    const { state } = this;
    if (state.term === '' || state.sort !== 'relevance' || state.lists || selectedFilters(state).length > 0) return;
    const handoff = takeHandoff(state.term);
    if (!handoff) return;
    this.els.hits.replaceChildren(...handoff.hits.map((hit) => this.hitItem(hit)));
    this.shown = handoff.hits.length;
    this.handedOver = true;
    this.els.browse.hidden = true;
    this.renderSummary(handoff.total);
  }

  /**
   * `aria-busy` on the results while a search is pending (typing pause included), and on the
   * facets until their counts follow (`facets`).
   */
  private setBusy(busy: boolean, facets = busy): void {
    for (const [region, pending] of [
      [this.els.hits, busy],
      [this.els.facets, facets],
    ] as const) {
      if (pending) region.setAttribute('aria-busy', 'true');
      else region.removeAttribute('aria-busy');
    }
  }

  private resultLinks(): HTMLAnchorElement[] {
    return [...this.els.hits.querySelectorAll<HTMLAnchorElement>('a[data-hit]')];
  }

  /** Arrow keys step through result links; Up from the first goes back to the box. */
  private moveInResults(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = this.resultLinks();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) this.els.input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  /**
   * Searches for the current state. One search runs at a time: a newer state makes the one
   * under way stale (it stops at its next step) and is searched as soon as it has stopped, so
   * fast typing never queues one search per keystroke in Pagefind.
   */
  private run(): Promise<void> {
    this.rerun = true;
    this.generation += 1;
    this.endPause?.();
    this.setBusy(true);
    this.running ??= (async () => {
      try {
        while (this.rerun) {
          this.rerun = false;
          await this.search(this.generation);
        }
      } finally {
        this.running = undefined;
        this.setBusy(false);
      }
    })();
    return this.running;
  }

  private async search(generation: number): Promise<void> {
    const { state } = this;
    this.renderSelected();
    this.outcome = undefined;
    this.shown = 0;
    this.els.more.hidden = true;
    this.els.browse.hidden = state.term !== '';
    // Without a term there are no counts; the panel only lists filters already selected.
    this.els.filters.hidden = state.term === '' && selectedFilters(state).length === 0 && !state.lists;
    if (state.term === '') {
      this.els.hits.replaceChildren();
      this.els.facets.replaceChildren();
      await this.renderNoTerm(generation);
      return;
    }
    // Results handed over keep their summary until this search's own replaces it.
    if (!this.handedOver) this.els.status.textContent = this.words.searching;
    this.els.hint.replaceChildren();
    // A facet counted on request is counted once asked for, or once a value of it is picked.
    const countFacets = FACET_NAMES.filter(
      (facet) => !facetSpec(facet).onRequest || this.counted.has(facet) || (state.filters[facet]?.length ?? 0) > 0,
    );
    const query = { term: state.term, filters: state.filters, sort: state.sort };
    let counts: FacetCounts;
    try {
      const backend = await this.options.backend();
      if (state.lists) {
        // The reading list lives in this browser, so its filters apply to the hits (issue 8),
        // and the counts are made from the hits it keeps.
        const outcome = await filterOutcome(
          await backend.search({ ...query, countFacets }),
          listFilterTest(state.lists),
        );
        if (!(await this.renderHits(outcome, generation))) return;
        this.showTotal(outcome);
        counts = outcome.facetCounts;
      } else {
        // The results first, counting nothing (Pagefind would download the facets' filter
        // data first); then the counts, from the index parts already loaded.
        const outcome = await backend.search({ ...query, countFacets: [] });
        if (!(await this.renderHits(outcome, generation))) return;
        this.showTotal(outcome);
        if (!(await this.typingPause(generation))) return;
        counts = (await backend.search({ ...query, countFacets })).facetCounts;
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.els.hits.replaceChildren();
      this.els.status.textContent = this.words.unavailable;
      this.els.browse.hidden = false;
      console.error('search failed', error);
      return;
    }
    if (generation !== this.generation) return;
    this.counts = counts;
    this.renderFacets(counts);
  }

  /** The results shown are complete: the summary, "More results", and not busy. */
  private showTotal(outcome: SearchOutcome): void {
    this.outcome = outcome;
    this.els.more.hidden = this.shown >= outcome.total;
    this.renderSummary(outcome.total);
    this.setBusy(false, true);
  }

  /**
   * Waits until COUNTS_PAUSE_MS after the last keystroke; false when a newer search started
   * meanwhile.
   */
  private async typingPause(generation: number): Promise<boolean> {
    const wait = this.lastKeyAt + COUNTS_PAUSE_MS - performance.now();
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.endPause = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.endPause = undefined;
    }
    return generation === this.generation;
  }

  /**
   * Shows the first page of hits, each as soon as it and the ones before it have loaded, so
   * the first result paints without waiting for the tenth. The previous results stay until
   * the first new one replaces them. False when a newer search took over meanwhile.
   */
  private async renderHits(outcome: SearchOutcome, generation: number): Promise<boolean> {
    const count = Math.min(BATCH, outcome.total);
    const pending = Array.from({ length: count }, (_, i) => outcome.hits(i, 1));
    // Loads that fail after a newer search took over are of no interest; the others throw below.
    for (const hit of pending) hit.catch(() => {});
    this.shown = 0;
    if (count === 0) this.els.hits.replaceChildren();
    if (this.handedOver) {
      // The same results are on screen already: swap them all at once, so nothing moves.
      this.handedOver = false;
      const loaded = (await Promise.all(pending)).flat();
      if (generation !== this.generation) return false;
      this.els.hits.replaceChildren(...loaded.map((hit) => this.hitItem(hit)));
      this.shown = loaded.length;
      return true;
    }
    for (const hit of pending) {
      const [loaded] = await hit;
      if (generation !== this.generation) return false;
      if (!loaded) break;
      const item = this.hitItem(loaded);
      if (this.shown === 0) this.els.hits.replaceChildren(item);
      else this.els.hits.append(item);
      this.shown += 1;
    }
    return generation === this.generation;
  }

  private async showMore(): Promise<void> {
    const { outcome } = this;
    if (!outcome) return;
    const generation = this.generation;
    let more: SearchHit[];
    try {
      more = await outcome.hits(this.shown, BATCH);
    } catch (error) {
      this.els.status.textContent = this.words.moreFailed;
      console.error('search: loading more results failed', error);
      return;
    }
    if (generation !== this.generation || more.length === 0) return;
    const items = more.map((hit) => this.hitItem(hit));
    this.els.hits.append(...items);
    this.shown += more.length;
    this.els.more.hidden = this.shown >= outcome.total;
    this.renderSummary(outcome.total);
    items[0].querySelector('a')?.focus();
  }

  private renderSummary(total: number): void {
    const { term } = this.state;
    const { locale, strings } = this.ui;
    const labels = [
      ...selectedFilters(this.state).map(([f, v]) => this.filterLabel(f, v)),
      ...(this.state.lists ?? []).map((list) => strings.readingListFilters[list]),
    ];
    const params = { term, filters: formatList(labels, locale, 'unit') };
    if (total === 0) {
      this.els.status.textContent = fill(
        labels.length > 0 ? this.words.noMatchWithin : this.words.noMatch,
        params,
        locale,
      );
      this.renderEmptyHint(labels.length > 0);
      return;
    }
    const matches = plural(labels.length > 0 ? this.words.matchesWithin : this.words.matches, total, locale, params);
    const showing =
      total > this.shown ? fill(this.words.showing, { shown: formatNumber(this.shown, locale) }, locale) : '';
    this.els.status.textContent = [matches, showing].filter(Boolean).join(' ');
    this.els.hint.replaceChildren();
  }

  private renderEmptyHint(hasFilters: boolean): void {
    if (!hasFilters) {
      this.els.hint.replaceChildren(element('p', {}, this.words.checkSpelling));
      return;
    }
    const clear = element('button', { type: 'button', className: 'search-action' }, this.words.removeAll);
    clear.addEventListener('click', () => this.update({ ...this.state, filters: {}, lists: undefined }, 'push'));
    this.els.hint.replaceChildren(element('p', {}, this.words.tryRemoving), element('p', {}, clear));
  }

  /** Filters but no term: link each value's static page instead of searching. */
  private async renderNoTerm(generation: number): Promise<void> {
    const filters = selectedFilters(this.state);
    if (filters.length === 0) {
      this.els.status.textContent = this.words.typeToSearch;
      this.els.hint.replaceChildren();
      return;
    }
    this.els.status.textContent = this.words.typeWithin;
    const paths = await Promise.all(
      filters.map(([facet, value]) =>
        facetPagePath(facet, value, this.options.facetPageShards, this.options.load).catch((error: unknown) => {
          // Without the list the value is still named, just not linked.
          console.error('search: the pages of facet values could not be loaded', error);
          return undefined;
        }),
      ),
    );
    if (generation !== this.generation) return;
    const items = filters.map(([facet, value], i) => {
      const path = paths[i];
      const label = this.filterLabel(facet, value);
      return element(
        'li',
        {},
        path ? element('a', { href: pageHref(path, this.options.toRoot, location.protocol) }, label) : label,
      );
    });
    this.els.hint.replaceChildren(
      element('p', {}, this.words.orBrowse),
      element('ul', { className: 'search-browse-links' }, ...items),
    );
  }

  /** A selected filter as the summary, its chip and its link name it: "Topic: Robotics". */
  private filterLabel(facet: FacetName, value: string): string {
    return facetFilterLabel(facet, value, this.ui.strings.facets, this.ui.locale);
  }

  private hitItem(hit: SearchHit): HTMLLIElement {
    const link = element('a', { href: pageHref(hit.path, this.options.toRoot, location.protocol) }, hit.title);
    link.dataset.hit = '';
    // Paper content keeps its own direction inside the interface's (a Latin title on an Arabic page).
    link.dir = 'auto';
    // An undated paper shows "n.d." as plain text: a <time> needs a date.
    const date = hit.date ? element('time', { dateTime: hit.date }, hit.dateLabel) : hit.dateLabel;
    const meta = element('p', { className: 'search-hit-meta' });
    const authors = hit.authors === '' ? '' : `${hit.authors}${hit.etAl ? this.ui.strings.paper.etAl : ''}`;
    const parts: (Node | string)[] = [authors, date, hit.topic].filter((part) => part !== '');
    parts.forEach((part, i) => {
      if (i > 0) meta.append(decoration(' · '));
      meta.append(typeof part === 'string' ? element('span', { dir: 'auto' }, part) : part);
    });
    const item = element(
      'li',
      { className: 'search-hit' },
      element('h3', { className: 'search-hit-title' }, link),
      meta,
    );
    if (hit.excerpt !== '') {
      const excerpt = element('p', { className: 'search-hit-excerpt', dir: 'auto' });
      appendExcerpt(excerpt, hit.excerpt);
      item.append(excerpt);
    }
    return item;
  }

  /** Selected filters as remove buttons, shown with or without a term. */
  private renderSelected(): void {
    const filters = selectedFilters(this.state);
    if (filters.length === 0) {
      this.els.selected.replaceChildren();
      return;
    }
    const buttons = filters.map(([facet, value]) => {
      const button = element(
        'button',
        { type: 'button', className: 'search-chip' },
        this.filterLabel(facet, value),
        decoration(' ×'),
      );
      button.setAttribute(
        'aria-label',
        fill(this.words.removeFilter, { filter: this.filterLabel(facet, value) }, this.ui.locale),
      );
      button.addEventListener('click', () => this.update(withFilter(this.state, facet, value, false), 'push'));
      return element('li', {}, button);
    });
    this.els.selected.replaceChildren(
      element('h3', {}, this.words.selected),
      element('ul', { className: 'search-chips' }, ...buttons),
    );
  }

  private renderFacets(counts: FacetCounts): void {
    // Re-rendering replaces the checkboxes; put the keyboard focus back where it was.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
    const groups = FACET_NAMES.map((facet) => this.facetGroup(facet, counts[facet] ?? {})).filter(
      (group) => group !== undefined,
    );
    groups.unshift(
      listFilterGroup(this.state.lists ?? [], (lists) =>
        this.update({ ...this.state, lists: lists.length > 0 ? lists : undefined }, 'push'),
      ),
    );
    this.els.facets.replaceChildren(...groups);
    if (focused) this.els.facets.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
    if (this.focusFacet) {
      this.els.facets.querySelector<HTMLElement>(`[data-facet="${this.focusFacet}"] input`)?.focus();
      this.focusFacet = undefined;
    }
  }

  /** A big facet before the reader asks for it: its name and a button that counts it. */
  private facetOnRequest(facet: FacetName, label: string): HTMLFieldSetElement {
    const button = element('button', { type: 'button', className: 'search-action' }, label);
    button.addEventListener('click', () => {
      this.counted.add(facet);
      this.focusFacet = facet;
      void this.run();
    });
    const group = element(
      'fieldset',
      { className: 'search-facet' },
      element('legend', {}, facetLabel(facet, this.ui.strings.facets)),
      button,
    );
    group.dataset.facet = facet;
    return group;
  }

  private facetGroup(facet: FacetName, counts: Record<string, number>): HTMLFieldSetElement | undefined {
    const selected = new Set(this.state.filters[facet] ?? []);
    const spec = facetSpec(facet);
    if (spec.onRequest && !this.counted.has(facet) && selected.size === 0) {
      return this.facetOnRequest(facet, this.ui.strings.facets[spec.onRequest]);
    }
    // Selected values stay listed, with 0 when no match has them (one back end may not name them).
    const values = Object.entries({ ...Object.fromEntries([...selected].map((value) => [value, 0])), ...counts })
      .filter(([value, count]) => count > 0 || selected.has(value))
      .sort(([a, ca], [b, cb]) => (spec.descending ? b.localeCompare(a) : cb - ca || a.localeCompare(b)));
    if (values.length === 0) return undefined;
    const open = this.expanded.has(facet) || values.length <= FACET_PREVIEW + 1;
    const shown = open ? values : values.slice(0, FACET_PREVIEW);
    const list = element('ul', { className: 'search-facet-values' });
    for (const [value, count] of shown) {
      const box = element('input', { type: 'checkbox', checked: selected.has(value), value });
      box.dataset.focusKey = `${facet}:${value}`;
      box.addEventListener('change', () => this.update(withFilter(this.state, facet, value, box.checked), 'push'));
      list.append(
        element(
          'li',
          {},
          element(
            'label',
            {},
            box,
            ` ${facetValueLabel(facet, value, this.ui.strings.facets, this.ui.locale)} `,
            element('span', { className: 'count' }, formatNumber(count, this.ui.locale)),
          ),
        ),
      );
    }
    const group = element(
      'fieldset',
      { className: 'search-facet' },
      element('legend', {}, facetLabel(facet, this.ui.strings.facets)),
      list,
    );
    group.dataset.facet = facet;
    if (!open) {
      const all = element(
        'button',
        { type: 'button', className: 'search-action' },
        plural(this.words.showAll, values.length, this.ui.locale),
      );
      all.dataset.focusKey = `${facet}:*all`;
      all.addEventListener('click', () => {
        this.expanded.add(facet);
        this.renderFacets(this.counts);
        // Keyboard users land on the first value the button revealed.
        const firstNew = `${facet}:${values[FACET_PREVIEW][0]}`;
        this.els.facets.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(firstNew)}"]`)?.focus();
      });
      group.append(all);
    }
    return group;
  }
}
