/**
 * The reading list of this page view: the state read from storage, changed only through
 * `update`, which saves it and tells every listener (the buttons, the /reading-list/
 * page). Changes made in another tab arrive through the `storage` event.
 */
import { emptyState, type ReadingListState } from './model.ts';
import { openStore, STORAGE_KEY, type Store } from './storage.ts';

export interface Session {
  /** The store as opened; `available: false` means the page must say so. */
  readonly store: Store;
  /** The current list. */
  state(): ReadingListState;
  /** Applies a change, saves it and notifies listeners; false when saving failed. */
  update(change: (state: ReadingListState) => ReadingListState): boolean;
  /** Calls `listener` after every change (here or in another tab). */
  subscribe(listener: (state: ReadingListState) => void): void;
}

export function openSession(): Session {
  const store = openStore();
  let state = store.available ? store.read() : emptyState();
  const listeners: Array<(state: ReadingListState) => void> = [];
  const notify = () => listeners.forEach((listener) => listener(state));

  if (store.available) {
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY && event.key !== null) return;
      state = store.read();
      notify();
    });
  }

  return {
    store,
    state: () => state,
    update(change) {
      if (!store.available) return false;
      state = change(state);
      const saved = store.write(state);
      notify();
      return saved;
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
