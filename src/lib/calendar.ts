/**
 * `/sessions.ics`: the reading group's sessions as an iCalendar feed (RFC 5545) that calendar
 * apps subscribe to, written with ical-generator and the IANA zone's VTIMEZONE from
 * @touch4it/ical-timezones.
 *
 * Each session is one VEVENT: a UID that stays the same across builds (the session's day and
 * the site's address), DTSTART/DTEND in the group's time zone (or a whole day), SUMMARY,
 * DESCRIPTION (papers, presenters, notes), LOCATION and URL.
 *
 * DTSTAMP keeps the build reproducible: it is not the build's clock but the revision date of
 * the content, the newest `date` written in any paper or note (00:00 UTC), or
 * `SOURCE_DATE_EPOCH` when the build sets one. The same content always gives the same file,
 * and the stamp still moves forward when the content does.
 */
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar } from 'ical-generator';
import { SITE } from '../site.config.ts';
import { absoluteUrl } from './head.ts';
import { LOCALE, fillMessage, t } from './i18n.ts';
import type { Catalog } from './papers.ts';
import { groupName, sourceDateEpoch, type SessionView } from './sessions.ts';
import { SESSIONS_PATH } from '../shared/paths.ts';

/** The stamp of every event: see the module comment. */
export function calendarStamp(catalog: Catalog, env: Record<string, string | undefined> = process.env): Date {
  const pinned = sourceDateEpoch(env);
  if (pinned) return pinned;
  const dates = [
    ...catalog.papers.flatMap((paper) => (paper.date ? [paper.date] : [])),
    ...catalog.notes.map((note) => note.date),
    ...catalog.sessions.flatMap((session) => (session.written ? [session.written] : [])),
  ];
  const newest = dates.reduce((a, b) => (b > a ? b : a), '1970-01-01');
  return new Date(`${newest}T00:00:00Z`);
}

/** A stable UID: the session's day at the site's address (host and base path). */
export function sessionUid(session: SessionView): string {
  const site = new URL(absoluteUrl('/'));
  return `${session.id}@${site.host}${site.pathname.replace(/\/$/, '')}`;
}

/** "Reading group: Paper A; Paper B". */
function summary(session: SessionView): string {
  return fillMessage(t.sessions.eventSummary, {
    group: groupName(),
    titles: session.papers.map((item) => item.paper.titleText).join('; '),
  });
}

/** Plain text: each paper with its presenters, link and notes. */
function description(session: SessionView): string {
  return session.papers
    .map((item) => {
      const lines = [item.paper.titleText];
      if (item.presenters.length > 0) {
        lines.push(
          fillMessage(t.sessions.eventPresentedBy, {
            names: item.presenters.map((p) => p.name).join(t.paper.listSeparator),
          }),
        );
      }
      lines.push(absoluteUrl(item.paper.path));
      for (const note of item.notes) {
        lines.push(fillMessage(t.sessions.eventNote, { name: note.author.name, url: absoluteUrl(note.path) }));
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/** The calendar of `sessions`, as the text of an `.ics` file. */
export function sessionsCalendar(sessions: readonly SessionView[], stamp: Date): string {
  const timeZone = SITE.sessions.timeZone;
  const calendar = new ICalCalendar({
    name: fillMessage(t.sessions.calendarName, { site: SITE.title, group: groupName() }),
    prodId: { company: SITE.title, product: 'Paper Shelf', language: LOCALE.language.toUpperCase() },
    url: absoluteUrl(SESSIONS_PATH),
    // The zone's VTIMEZONE comes from the events' zone. A calendar-wide zone name would make
    // ical-generator write DTSTAMP in the build machine's local time without the UTC "Z".
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const session of sessions) {
    calendar.createEvent({
      id: sessionUid(session),
      stamp,
      // Wall-clock times in the group's zone, written as DTSTART;TZID=…
      start: new TZDate(session.start.getTime(), timeZone),
      end: new TZDate(session.end.getTime(), timeZone),
      allDay: session.time === undefined,
      timezone: timeZone,
      summary: summary(session),
      description: description(session),
      location: session.place,
      url: absoluteUrl(session.path),
    });
  }
  return calendar.toString();
}
