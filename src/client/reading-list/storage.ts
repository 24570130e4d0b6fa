/**
 * The reading list in localStorage. Browsers may refuse storage (blocked site data,
 * some private modes, sandboxed frames): reading `window.localStorage` then throws a
 * SecurityError, and writes may throw a QuotaExceededError. Every access goes through
 * here so the pages can show a message instead of crashing.
 *
 * Other scripts (the search page's "starred" / "unread" filters) use `loadReadingList`
 * and `markOf` from this module.
 */
import { parseState, serializeState, type ReadingListState } from './model.ts';

export { markOf, type ReadingListState } from './model.ts';

/**
 * One key for the whole site. All file:// pages share a single storage area in
 * Chromium, so copies of the site opened from disk share one list (slugs of papers a
 * copy does not have are ignored by it).
 */
export const STORAGE_KEY = 'paperlist:reading-list';

export interface AvailableStore {
  available: true;
  /** The stored list (empty when nothing or nothing valid is stored). */
  read(): ReadingListState;
  /** Saves the list; false when the browser refused the write (e.g. quota). */
  write(state: ReadingListState): boolean;
}

export interface UnavailableStore {
  available: false;
  /** Why, as the browser put it (for the console-free message the page shows). */
  reason: string;
}

export type Store = AvailableStore | UnavailableStore;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Opens the store, probing that the browser really lets the page read and write.
 * `getStorage` defaults to `window.localStorage`; tests pass their own.
 */
export function openStore(getStorage: () => Storage = () => window.localStorage): Store {
  let storage: Storage;
  try {
    storage = getStorage();
    // Reading the getter is not enough: some browsers expose a storage that throws on write.
    const probe = `${STORAGE_KEY}:probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch (error) {
    return { available: false, reason: describe(error) };
  }
  return {
    available: true,
    read() {
      try {
        return parseState(storage.getItem(STORAGE_KEY));
      } catch {
        return parseState(null);
      }
    },
    write(state) {
      try {
        storage.setItem(STORAGE_KEY, serializeState(state));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The reader's list, or `null` when this browser gives the site no storage. */
export function loadReadingList(): ReadingListState | null {
  const store = openStore();
  return store.available ? store.read() : null;
}

/** The paper slug of a site path such as `/papers/some-slug/`, or `null` for other pages. */
export function slugOfPath(path: string): string | null {
  const match = /(?:^|\/)papers\/([^/?#]+)\/?(?:index\.html)?$/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
