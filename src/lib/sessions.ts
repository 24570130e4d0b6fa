/**
 * Reading-group sessions. A paper or a note names a session by its day (`session:
 * 2026-12-08`, optional `presenter`, `time`, `place`); every entry naming the same day is one
 * session. A time or place given by two entries must agree, or the build stops naming both
 * files: a calendar event has one start and one place.
 *
 * "Upcoming" on a static site: the page is built with the sessions split at the build's
 * reference time (`referenceTime()`), so it reads right without JavaScript as of the build,
 * and a small script (src/client/sessions.ts) re-splits it by the reader's clock, using the
 * end instant the build writes on each session. A session stays upcoming until it ends.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, format } from 'date-fns';
import { splitByClock } from '../shared/sessions.ts';
import { SITE } from '../site.config.ts';
import { sessionPath } from '../shared/paths.ts';
import { clockTime, fillMessage, paperDate, t, timeZoneName, weekdayDate } from './i18n.ts';
import type { PaperView } from './papers.ts';
import type { NoteView, PersonRef } from './notes.ts';

/** One entry's say about a session: a paper's frontmatter or a note's. */
export interface SessionClaim {
  /** `YYYY-MM-DD`. */
  date: string;
  time?: string;
  place?: string;
  paper: PaperView;
  presenter?: PersonRef;
  /** The note making the claim, when it is a note with text (session-only notes have none). */
  note?: NoteView;
  /** The file the claim is written in, for error messages. */
  file: string;
  /** When a note making the claim was written (`YYYY-MM-DD`); papers have no such date. */
  written?: string;
}

/** A paper discussed in a session. */
export interface SessionPaper {
  paper: PaperView;
  /** Distinct presenters, in the order the entries name them. */
  presenters: PersonRef[];
  /** Notes with text written for this session, newest first. */
  notes: NoteView[];
}

export interface SessionView {
  /** Element id on the sessions page: `session-2026-12-08`. */
  id: string;
  /** Site path of the session: `/sessions/#session-2026-12-08`. */
  path: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** "Tuesday 8 December 2026". */
  dateLabel: string;
  /** `HH:MM`, absent for an all-day session. */
  time?: string;
  /** "16:00–17:30 (Eastern Time)", absent for an all-day session. */
  timeLabel?: string;
  place?: string;
  /** Start and end instants (an all-day session spans its whole day in the group's time zone). */
  start: Date;
  end: Date;
  papers: SessionPaper[];
  /** The newest `date` of the notes naming the session, session-only notes included. */
  written?: string;
}

/** A reference to a session, as a paper page shows it. */
export interface SessionRef {
  path: string;
  dateLabel: string;
  presenters: PersonRef[];
}

/** The reading group's name: `SITE.sessions.groupName`, or the interface's word for one. */
export function groupName(): string {
  return SITE.sessions.groupName ?? t.readingGroup.defaultName;
}

/** `SOURCE_DATE_EPOCH` (seconds; the reproducible-builds convention) as a Date, when set. */
export function sourceDateEpoch(env: Record<string, string | undefined> = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

/** The instant "now" for the build: `SOURCE_DATE_EPOCH` when set, else the clock. Only the build-time upcoming/past split uses it. */
export function referenceTime(env: Record<string, string | undefined> = process.env): Date {
  return sourceDateEpoch(env) ?? new Date();
}

/** Start and end of a session in the group's time zone. */
export function sessionInterval(
  date: string,
  time: string | undefined,
  timeZone = SITE.sessions.timeZone,
  durationMinutes = SITE.sessions.durationMinutes,
): { start: Date; end: Date } {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time ? time.split(':').map(Number) : [0, 0];
  const start = new TZDate(year, month - 1, day, hours, minutes, timeZone);
  const end = time ? addMinutes(start, durationMinutes) : addDays(start, 1);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** "16:00–17:30 (Eastern Time)": start, end after the session's length, and the zone. */
function timeLabel(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const start = new Date(2000, 0, 1, hours, minutes);
  const end = addMinutes(start, SITE.sessions.durationMinutes);
  return fillMessage(t.sessions.timeRange, {
    start: clockTime(start),
    end: clockTime(end),
    zone: timeZoneName(SITE.sessions.timeZone),
  });
}

/** The one value two claims agree on, or an error naming both files. */
function agree(
  field: 'time' | 'place',
  date: string,
  current: { value: string; file: string } | undefined,
  claim: SessionClaim,
): { value: string; file: string } | undefined {
  const value = claim[field];
  if (value === undefined) return current;
  if (current === undefined || current.value === value) return current ?? { value, file: claim.file };
  throw new Error(
    `${claim.file}: the session on ${date} has ${field} "${value}" here but "${current.value}" in ${current.file}; ` +
      `every entry naming a session must give the same ${field}, or leave it out`,
  );
}

/** Groups claims into sessions, oldest first. */
export function buildSessions(claims: readonly SessionClaim[]): SessionView[] {
  const byDate = new Map<string, SessionClaim[]>();
  for (const claim of claims) {
    const list = byDate.get(claim.date) ?? [];
    list.push(claim);
    byDate.set(claim.date, list);
  }
  return [...byDate.keys()].sort().map((date) => {
    const dayClaims = byDate.get(date) ?? [];
    let time: { value: string; file: string } | undefined;
    let place: { value: string; file: string } | undefined;
    let written: string | undefined;
    const papers = new Map<string, SessionPaper>();
    for (const claim of dayClaims) {
      time = agree('time', date, time, claim);
      place = agree('place', date, place, claim);
      let entry = papers.get(claim.paper.slug);
      if (!entry) {
        entry = { paper: claim.paper, presenters: [], notes: [] };
        papers.set(claim.paper.slug, entry);
      }
      const presenter = claim.presenter;
      if (presenter && !entry.presenters.some((known) => known.key === presenter.key)) {
        entry.presenters.push(presenter);
      }
      if (claim.note) entry.notes.push(claim.note);
      if (claim.written && (!written || claim.written > written)) written = claim.written;
    }
    for (const entry of papers.values()) entry.notes.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    const id = `session-${date}`;
    return {
      id,
      path: sessionPath(id),
      date,
      dateLabel: weekdayDate(date),
      time: time?.value,
      timeLabel: time ? timeLabel(time.value) : undefined,
      place: place?.value,
      ...sessionInterval(date, time?.value),
      papers: [...papers.values()],
      written,
    };
  });
}

/** Sessions not yet over at `now`, soonest first, and the others, most recent first (the rule the page's script applies too). */
export function splitSessions(
  sessions: readonly SessionView[],
  now: Date,
): { upcoming: SessionView[]; past: SessionView[] } {
  const timed = sessions.map((session) => ({ element: session, start: +session.start, end: +session.end }));
  const { upcoming, past } = splitByClock(timed, +now);
  return { upcoming: upcoming.map((item) => item.element), past: past.map((item) => item.element) };
}

/** What the sessions page shows: the split at the build's reference time, and that time. */
export interface SessionsPageData {
  upcoming: SessionView[];
  past: SessionView[];
  /** The instant the split was made at, ISO 8601 (the page's script re-splits by the reader's clock). */
  asOf: string;
  /** The same instant as readers see it: "1 December 2026, 15:04 (Eastern Time)". */
  asOfLabel: string;
  /** "Eastern Time": the zone session times are given in. */
  zoneLabel: string;
}

export function sessionsPageData(sessions: readonly SessionView[], now: Date = referenceTime()): SessionsPageData {
  const timeZone = SITE.sessions.timeZone;
  return {
    ...splitSessions(sessions, now),
    asOf: now.toISOString(),
    asOfLabel: fillMessage(t.sessions.dateTime, {
      date: paperDate(format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd'), 'day'),
      time: clockTime(now, timeZone),
      zone: timeZoneName(timeZone),
    }),
    zoneLabel: timeZoneName(timeZone),
  };
}
