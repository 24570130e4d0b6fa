/**
 * Browser glue for the search page's "Reading list" filters (issue 8): the checkbox group
 * in the filter panel, and the hit test read from this browser's list at search time (so
 * a paper starred in another tab counts at the next search).
 */
import type { SearchHit } from '../search/backend.ts';
import { LIST_FILTERS, passesListFilters, type ListFilter } from './search-filter.ts';
import { loadReadingList } from './storage.ts';
import { emptyState } from './model.ts';
import { uiStrings } from '../common/ui-strings.ts';
import { SCRIPT_PARTS } from '../../shared/i18n/client-strings.ts';

/** Whether a hit passes the ticked filters, judged by the list as stored now. */
export function listFilterTest(lists: readonly ListFilter[]): (hit: SearchHit) => boolean {
  // No storage means nothing is starred or read: "Unread" keeps every paper, "Starred" none.
  const state = loadReadingList() ?? emptyState();
  return (hit) => passesListFilters(state, lists, hit);
}

/**
 * The "Reading list" fieldset, styled like the other facets (`search-facet`). Its
 * checkboxes carry `data-focus-key` so the panel can put focus back after re-rendering.
 */
export function listFilterGroup(
  selected: readonly ListFilter[],
  onChange: (lists: ListFilter[]) => void,
): HTMLFieldSetElement {
  const available = loadReadingList() !== null;
  const words = uiStrings(SCRIPT_PARTS.search).strings.readingListFilters;
  const group = document.createElement('fieldset');
  group.className = 'search-facet';
  const legend = document.createElement('legend');
  legend.textContent = words.legend;
  const list = document.createElement('ul');
  list.className = 'search-facet-values';
  const boxes = LIST_FILTERS.map((filter) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = filter;
    box.checked = selected.includes(filter);
    box.disabled = !available;
    box.dataset.focusKey = `list:${filter}`;
    const label = document.createElement('label');
    label.append(box, ` ${words[filter]}`);
    const item = document.createElement('li');
    item.append(label);
    list.append(item);
    return box;
  });
  for (const box of boxes) {
    box.addEventListener('change', () => onChange(boxes.filter((b) => b.checked).map((b) => b.value as ListFilter)));
  }
  group.append(legend, list);
  if (!available) {
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = words.unavailable;
    group.append(note);
  }
  return group;
}
