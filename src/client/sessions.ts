/**
 * /sessions/ as of the reader's clock. The build splits sessions into upcoming and past at
 * build time (right without JavaScript); a page read days later would show a finished
 * session as upcoming. Each session carries its end instant (`data-session-end`), so this
 * moves sessions between the two lists by the reader's clock, keeps upcoming soonest first
 * and past most recent first, and says which clock the split follows.
 */
import { splitByClock } from '../shared/sessions.ts';
import { uiStrings } from './common/ui-strings.ts';
import { SCRIPT_PARTS } from '../shared/i18n/client-strings.ts';

function enhance(): void {
  const root = document.querySelector<HTMLElement>('[data-sessions]');
  if (!root) return;
  const upcomingList = root.querySelector<HTMLOListElement>('[data-sessions-list="upcoming"]');
  const pastList = root.querySelector<HTMLOListElement>('[data-sessions-list="past"]');
  if (!upcomingList || !pastList) return;
  const items = [...root.querySelectorAll<HTMLLIElement>('li[data-session-end]')];
  const { upcoming, past } = splitByClock(
    items.map((element) => ({
      element,
      start: Date.parse(element.dataset.sessionStart ?? ''),
      end: Date.parse(element.dataset.sessionEnd ?? ''),
    })),
    Date.now(),
  );
  upcomingList.append(...upcoming.map((session) => session.element));
  pastList.append(...past.map((session) => session.element));
  for (const [name, list] of [
    ['upcoming', upcoming],
    ['past', past],
  ] as const) {
    const empty = root.querySelector<HTMLElement>(`[data-sessions-empty="${name}"]`);
    if (empty) empty.hidden = list.length > 0;
  }
  const basis = root.querySelector<HTMLElement>('[data-sessions-basis]');
  if (basis) basis.textContent = uiStrings(SCRIPT_PARTS.sessions).strings.sessions.asOfNow;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
else enhance();
