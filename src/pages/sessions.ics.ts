/** `/sessions.ics`: the reading group's sessions as an iCalendar feed (src/lib/calendar.ts). */
import type { APIRoute } from 'astro';
import { calendarStamp, sessionsCalendar } from '../lib/calendar.ts';
import { loadCatalog } from '../lib/papers.ts';

export const GET: APIRoute = async () => {
  const catalog = await loadCatalog();
  return new Response(sessionsCalendar(catalog.sessions, calendarStamp(catalog)), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
