/**
 * Browser glue for /reading-list/ (src/pages/reading-list/index.astro): lists the
 * starred papers from the catalogue, and wires export and import to the pure functions
 * in exchange.ts. Papers unstarred on this page stay listed (with "Star" unpressed)
 * until the next visit, so a slip of the finger is undone with one more click.
 */
import { markOf, starredInOrder, type PaperMark, type ReadingListState } from './model.ts';
import { catalogName, type CatalogHeader } from '../../shared/reading-list.ts';
import { loadData } from '../common/load-data.ts';
import { fill, formatNumber, formatYear, plural } from '../../shared/i18n/format.ts';
import { uiStrings } from '../common/ui-strings.ts';
import { SCRIPT_PARTS } from '../../shared/i18n/client-strings.ts';
import { CITATION_FORMAT_INFO, CITATION_FORMATS } from '../../shared/citation-formats.ts';
import { NOTES_FRAGMENT } from '../../shared/notes.ts';
import {
  applyImport,
  citationFormatOf,
  exportLinks,
  exportRecords,
  indexCatalog,
  linkedSlugs,
  parseImport,
  type CatalogIndex,
} from './exchange.ts';
import { syncButtons, revealButtons } from './buttons.ts';
import type { Session } from './session.ts';
import { shardLoader } from './shards.ts';

function element<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`reading list page: ${selector} is missing`);
  return found;
}

/** Offers `text` as a file download; works for hosted and file:// pages alike. */
function download(name: string, type: string, text: string): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the delay is for slow disks.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** Fills /reading-list/ (`root`) from the session's list and the catalogue under `siteRoot`. */
export async function mountPage(root: HTMLElement, session: Session, siteRoot: URL): Promise<void> {
  const { locale, strings } = uiStrings(SCRIPT_PARTS.readingListPage);
  const words = strings.readingList;
  const count = (forms: typeof words.count, n: number, params: Record<string, string> = {}) =>
    plural(forms, n, locale, params);
  const status = element<HTMLElement>(root, '[data-rl-status]');
  /** Says the sentences given, leaving out empty ones. */
  const say = (...sentences: string[]) => {
    status.textContent = sentences.filter(Boolean).join(' ');
  };
  root.hidden = false;

  if (!session.store.available) {
    for (const part of root.querySelectorAll<HTMLElement>('[data-rl-needs-storage]')) part.hidden = true;
    say(words.unavailable);
    return;
  }

  const load = <T>(name: string) => loadData<T>(siteRoot, name);
  const cannotLoad = words.cannotLoad;
  let header: CatalogHeader;
  try {
    header = await load<CatalogHeader>(catalogName());
  } catch (error) {
    for (const part of root.querySelectorAll<HTMLElement>('[data-rl-needs-storage]')) part.hidden = true;
    say(cannotLoad);
    console.error('reading list: the catalogue could not be loaded', error);
    return;
  }
  const index: CatalogIndex = indexCatalog(header);
  const shards = shardLoader(load, header, index);
  // Paper links are made from the site root: that works at a domain root, under a sub-path
  // and from file://, where folders need index.html.
  const paperHref = (slug: string) =>
    new URL(`papers/${encodeURIComponent(slug)}/${siteRoot.protocol === 'file:' ? 'index.html' : ''}`, siteRoot).href;

  const list = element<HTMLOListElement>(root, '[data-rl-items]');
  const empty = element<HTMLElement>(root, '[data-rl-empty]');
  const exporters = element<HTMLElement>(root, '[data-rl-export-controls]');
  const template = element<HTMLTemplateElement>(root, 'template[data-rl-row]');
  const rows = new Map<string, HTMLLIElement>();
  // Papers unstarred during this visit, with their marks, so their rows keep their place.
  const unstarred = new Map<string, PaperMark>();
  let previous = starredInOrder(session.state());

  function row(slug: string): HTMLLIElement | null {
    const existing = rows.get(slug);
    if (existing) return existing;
    const paper = index.bySlug.get(slug);
    if (!paper) return null;
    const item = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
    const link = element<HTMLAnchorElement>(item, '[data-rl-title]');
    link.href = paperHref(slug);
    // Safe: the HTML was made by the site's build from its own content (see CatalogPaper).
    if (paper.titleHtml) link.innerHTML = paper.titleHtml;
    else link.textContent = paper.title;
    const authors = `${paper.authors.join(strings.paper.listSeparator)}${paper.etAl ? strings.paper.etAl : ''}`;
    const meta = element<HTMLElement>(item, '[data-rl-meta]');
    meta.textContent = `${authors} · ${paper.date ? formatYear(paper.date.slice(0, 4), locale) : strings.dates.undated}`;
    if (paper.notes) {
      const notes = document.createElement('a');
      notes.href = `${paperHref(slug)}#${NOTES_FRAGMENT}`;
      notes.textContent = plural(strings.counts.notes, paper.notes, locale);
      meta.append(' · ', notes);
    }
    const group = element<HTMLElement>(item, '[data-reading-list]');
    group.dataset.readingList = slug;
    group.setAttribute('aria-label', fill(strings.readingListButtons.group, { title: paper.title }, locale));
    revealButtons(item, true);
    rows.set(slug, item);
    return item;
  }

  function render(state: ReadingListState): void {
    const starred = starredInOrder(state);
    for (const slug of previous) {
      if (!markOf(state, slug).starred && !unstarred.has(slug)) unstarred.set(slug, markOf(state, slug));
    }
    for (const slug of starred) unstarred.delete(slug);
    previous = starred;
    // Order as if the papers unstarred here were still starred, so nothing jumps away.
    const shown: ReadingListState = { papers: { ...state.papers } };
    for (const [slug, mark] of unstarred) {
      shown.papers[slug] = { ...mark, starred: true, read: markOf(state, slug).read };
    }

    const focused = document.activeElement;
    const items: HTMLLIElement[] = [];
    for (const slug of starredInOrder(shown)) {
      const item = row(slug);
      if (!item) continue;
      item.classList.toggle('is-read', markOf(state, slug).read);
      items.push(item);
    }
    // Re-appending moves rows without rebuilding them; a moved element loses focus, so it is put back.
    list.replaceChildren(...items);
    if (focused instanceof HTMLElement && focused.isConnected && document.activeElement !== focused) focused.focus();
    syncButtons(list, state);

    const missing = starred.filter((slug) => !index.bySlug.has(slug)).length;
    empty.hidden = items.length > 0;
    exporters.hidden = starred.length === 0;
    const unread = starred.filter((slug) => !markOf(state, slug).read).length;
    element<HTMLElement>(root, '[data-rl-count]').textContent =
      starred.length === 0
        ? ''
        : [
            count(words.count, starred.length, { unread: formatNumber(unread, locale) }),
            missing ? count(words.missing, missing) : '',
          ]
            .filter(Boolean)
            .join(' ');
  }

  /** Loads the shards of the listed papers, then shows the list as it is now. */
  async function refresh(): Promise<void> {
    try {
      await shards.papersFor(starredInOrder(session.state()));
    } catch {
      say(cannotLoad);
    }
    render(session.state());
  }
  void refresh();
  session.subscribe(() => void refresh());

  element<HTMLButtonElement>(root, '[data-rl-export="links"]').addEventListener('click', () => {
    const slugs = starredInOrder(session.state()).filter((slug) => index.bySlug.has(slug));
    const text = exportLinks(session.state(), slugs, index, {
      heading: fill(words.exportHeading, { site: index.site }, locale),
      notes: (notes) => plural(strings.counts.notes, notes, locale),
    });
    download('reading-list.md', 'text/markdown', text);
    say(count(words.downloadedLinks, slugs.length));
  });

  for (const format of CITATION_FORMATS) {
    const { label, extension, mediaType } = CITATION_FORMAT_INFO[format];
    element<HTMLButtonElement>(root, `[data-rl-export="${format}"]`).addEventListener('click', async () => {
      const slugs = starredInOrder(session.state()).filter((slug) => index.bySlug.has(slug));
      let records: Record<string, string>;
      try {
        // Citation records are only needed here, so the listed papers' shards load on export.
        records = await shards.recordsFor(format, slugs);
      } catch {
        say(fill(words.recordsFailed, { format: label }, locale));
        return;
      }
      const { text, missing } = exportRecords(format, slugs, records);
      const file = `reading-list${extension}`;
      download(file, mediaType, text);
      say(
        count(words.downloadedRecords, slugs.length - missing.length, { file }),
        missing.length ? count(words.noRecord, missing.length, { format: label }) : '',
      );
    });
  }

  async function importText(text: string, source: string): Promise<void> {
    try {
      // Links name their papers' slugs, hence their shards; citation keys may be in any shard.
      await (citationFormatOf(text) ? shards.allPapers() : shards.papersFor(linkedSlugs(text)));
    } catch {
      say(cannotLoad);
      return;
    }
    const { entries, unmatched } = parseImport(text, index);
    if (entries.length === 0) {
      say(fill(words.noneFound, { source }, locale), unmatched.length ? count(words.unmatched, unmatched.length) : '');
      return;
    }
    let outcome = { added: 0, markedRead: 0 };
    const saved = session.update((state) => {
      const result = applyImport(state, entries, Date.now());
      outcome = result;
      return result.state;
    });
    const already = entries.length - outcome.added;
    const shownUnmatched = `${unmatched.slice(0, 3).join(strings.paper.listSeparator)}${unmatched.length > 3 ? '…' : ''}`;
    say(
      count(words.imported, outcome.added, { source }),
      outcome.markedRead ? fill(words.markedRead, { count: formatNumber(outcome.markedRead, locale) }, locale) : '',
      already ? fill(words.alreadyThere, { count: formatNumber(already, locale) }, locale) : '',
      unmatched.length ? count(words.unmatchedList, unmatched.length, { list: shownUnmatched }) : '',
      saved ? '' : words.refused,
    );
  }

  const fileInput = element<HTMLInputElement>(root, '[data-rl-import-file]');
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      await importText(await file.text(), file.name);
    } catch {
      say(fill(words.unreadable, { file: file.name }, locale));
    }
    fileInput.value = '';
  });

  const pasted = element<HTMLTextAreaElement>(root, '[data-rl-import-text]');
  element<HTMLButtonElement>(root, '[data-rl-import-paste]').addEventListener('click', () => {
    if (pasted.value.trim() === '') {
      say(words.pasteFirst);
      pasted.focus();
      return;
    }
    void importText(pasted.value, words.pastedText);
  });
}
