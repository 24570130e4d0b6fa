/**
 * The upcoming/past rule of the sessions page (no DOM, no `node:`): a session is upcoming
 * until it ends. The build applies it at build time (splitSessions in src/lib/sessions.ts)
 * and the page's script (src/client/sessions.ts) by the reader's clock, to the same instants.
 */
export interface TimedSession<T> {
  element: T;
  /** Milliseconds since 1970. */
  start: number;
  end: number;
}

/** Not yet over at `now`, soonest first; the others, most recent first. */
export function splitByClock<T>(sessions: readonly TimedSession<T>[], now: number) {
  const upcoming = sessions.filter((session) => session.end > now).sort((a, b) => a.start - b.start);
  const past = sessions.filter((session) => session.end <= now).sort((a, b) => b.start - a.start);
  return { upcoming, past };
}
