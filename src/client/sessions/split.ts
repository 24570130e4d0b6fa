/**
 * The upcoming/past rule of the sessions page, for the browser: a session is upcoming until
 * it ends. The build applies the same rule (splitSessions in src/lib/sessions.ts) to the
 * same instants, which it writes on each session.
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
