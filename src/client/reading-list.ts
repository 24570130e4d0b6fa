/**
 * The reading list in the browser (issue 8), served as the classic script
 * `/scripts/reading-list.js` on every page: enhances the "Star" / "Mark read" buttons
 * and, on /reading-list/, the list itself. Nothing leaves the browser: the list lives in
 * localStorage and the page data comes from the site's own files.
 */
import { listenForClicks, revealButtons, syncButtons } from './reading-list/buttons.ts';
import { mountPage } from './reading-list/page.ts';
import { openSession } from './reading-list/session.ts';
import { siteRootFromScript } from './search/links.ts';
import { uiStrings } from './common/ui-strings.ts';
import { SCRIPT_PARTS } from '../shared/i18n/client-strings.ts';

const self = document.currentScript;
// The script sits at <site root>/scripts/reading-list.js: the one place that knows where the site starts.
const siteRoot = self instanceof HTMLScriptElement ? siteRootFromScript(self.src) : undefined;

/** One notice per page, at the top of the main content, for problems with storage. */
function notice(message: string): void {
  let note = document.querySelector<HTMLElement>('[data-reading-list-notice]');
  if (!note) {
    note = document.createElement('p');
    note.dataset.readingListNotice = '';
    note.className = 'reading-list-notice';
    note.setAttribute('role', 'status');
    (document.querySelector('main') ?? document.body).prepend(note);
  }
  note.textContent = message;
}

function start(): void {
  const session = openSession();
  const page = document.querySelector<HTMLElement>('[data-reading-list-page]');
  revealButtons(document, session.store.available);
  if (session.store.available) {
    syncButtons(document, session.state());
    session.subscribe((state) => syncButtons(document, state));
    listenForClicks(session, () =>
      notice(uiStrings(SCRIPT_PARTS.readingListNotices).strings.readingListNotices.notSaved),
    );
  } else if (!page && document.querySelector('[data-reading-list]')) {
    // The reading list page explains this in its own status line.
    notice(uiStrings(SCRIPT_PARTS.readingListNotices).strings.readingListNotices.unavailable);
  }
  if (page && siteRoot) void mountPage(page, session, siteRoot);
}

// Layouts may load the script in <head> (with defer) or at the end of <body>; run once.
const flag = '__paperlistReadingList';
const globals = window as unknown as Record<string, unknown>;
if (!globals[flag]) {
  globals[flag] = true;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
