/**
 * Browser glue for the "Star" / "Mark read" buttons rendered by
 * `src/components/ReadingListButtons.astro`: shows them, mirrors the list in
 * `aria-pressed`, and turns clicks into list changes. One delegated listener serves
 * every group, including rows the /reading-list/ page adds later.
 */
import { markOf, setRead, setStarred, type ReadingListState } from './model.ts';
import type { Session } from './session.ts';

const GROUP = '[data-reading-list]';
const ACTION = 'data-reading-list-action';

/** Sets every button under `root` to the list's state. */
export function syncButtons(root: ParentNode, state: ReadingListState): void {
  for (const group of root.querySelectorAll<HTMLElement>(GROUP)) {
    const mark = markOf(state, group.dataset.readingList ?? '');
    for (const button of group.querySelectorAll<HTMLButtonElement>(`button[${ACTION}]`)) {
      const pressed = button.getAttribute(ACTION) === 'star' ? mark.starred : mark.read;
      button.setAttribute('aria-pressed', String(pressed));
    }
  }
}

/** Shows the groups under `root`; disabled when the browser gives no storage. */
export function revealButtons(root: ParentNode, enabled: boolean): void {
  for (const group of root.querySelectorAll<HTMLElement>(GROUP)) {
    group.hidden = false;
    for (const button of group.querySelectorAll('button')) button.disabled = !enabled;
  }
}

/** Handles clicks on any reading-list button in the document. */
export function listenForClicks(session: Session, onSaveFailed: () => void): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest<HTMLButtonElement>(`button[${ACTION}]`);
    const slug = button?.closest<HTMLElement>(GROUP)?.dataset.readingList;
    if (!button || !slug) return;
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    const saved = session.update((state) =>
      button.getAttribute(ACTION) === 'star'
        ? setStarred(state, slug, pressed, Date.now())
        : setRead(state, slug, pressed),
    );
    if (!saved) onSaveFailed();
  });
}
