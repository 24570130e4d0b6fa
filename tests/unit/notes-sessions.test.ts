/**
 * The notes and sessions data layer (src/lib/notes.ts, sessions.ts, calendar.ts) over
 * entries parsed with the real schemas: which notes a paper shows and in what order, who
 * wrote them, the error for a note naming a missing paper, sessions gathered from notes and
 * papers, the upcoming/past split, and the iCalendar feed read back with ical.js.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { noteSchema, paperSchema } from '../../src/schema.ts';
import { buildCatalog, type PaperEntry } from '../../src/lib/papers.ts';
import { renderNotes, type NoteEntry } from '../../src/lib/notes.ts';
import { referenceTime, sessionInterval, sessionsPageData, splitSessions } from '../../src/lib/sessions.ts';
import { calendarStamp, sessionsCalendar, sessionUid } from '../../src/lib/calendar.ts';
import { splitByClock } from '../../src/shared/sessions.ts';
import { dateAsWritten } from '../../src/lib/papers-loader.ts';
import { createOfflineBackend } from '../../src/client/search/offline-backend.ts';
import { buildOfflineIndex } from '../../src/lib/offline-index.ts';
import { dataScript, readDataScript } from '../../src/shared/data-script.ts';
import { toPagefindRecord } from '../../src/shared/search-record.ts';

/** `reference('papers')` as Astro parses it, without Astro. */
const paperReference = z.string().transform((id) => ({ id, collection: 'papers' }));
const notes = noteSchema(paperReference);

const work = mkdtempSync(path.join(os.tmpdir(), 'notes-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function paper(id: string, data: Record<string, unknown>): PaperEntry {
  return {
    id,
    collection: 'papers',
    data: paperSchema.parse({ title: id, authors: ['Ana Lima'], date: '2024-01-01', category: 'cs.CL', ...data }),
    body: `Abstract of ${id}.`,
    filePath: `content/papers/${id}.md`,
  } as PaperEntry;
}

/** A note entry as the glob loader gives it, its file written out (error messages read its lines). */
function note(id: string, data: Record<string, unknown>, body = 'A note.'): NoteEntry {
  const filePath = path.join(work, `${id}.md`);
  const frontmatter = Object.entries(data)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  writeFileSync(filePath, `---\n${frontmatter}\n---\n${body}\n`);
  return { id, collection: 'notes', data: notes.parse(data), body, filePath } as NoteEntry;
}

const paperEntries = [
  paper('memit', { title: 'Mass-Editing Memory in a Transformer', authors: ['Kevin Meng', 'Fernanda Viégas'] }),
  paper('lre', { title: 'Linearity of Relation Decoding', date: '2023-08-17' }),
  paper('esmfold', { title: 'Mechanisms of AI Protein Folding in ESMFold', date: '2026-02-05' }),
  paper('hidden', { title: 'A draft paper', draft: true }),
  paper('scheduled', {
    title: 'A paper with its session in its frontmatter',
    session: '2026-12-15',
    presenter: 'Yonatan Belinkov',
  }),
];

async function catalogWith(noteEntries: NoteEntry[], papers = paperEntries) {
  return buildCatalog(papers, [], { entries: noteEntries, rendered: await renderNotes(noteEntries) });
}

describe('the note schema', () => {
  const base = { paper: 'memit', author: 'Ana Lima', date: '2026-11-01' };
  const problems = (data: Record<string, unknown>) =>
    notes.safeParse({ ...base, ...data }).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  it('accepts a note with only its paper, author and date, and gives it no draft flag', () => {
    expect(notes.parse(base)).toEqual({ ...base, paper: { id: 'memit', collection: 'papers' }, draft: false });
  });

  it('rejects a time that is not HH:MM on the 24-hour clock, with the reason', () => {
    expect(problems({ time: '4pm' })).toEqual(['time: expected a time as HH:MM on the 24-hour clock, e.g. "16:00"']);
    expect(problems({ time: '24:00' })).toHaveLength(1);
    expect(problems({ time: '09:30' })).toBeUndefined();
  });

  it('rejects impossible session dates, ratings outside 1–5 and unknown statuses', () => {
    expect(problems({ session: '2026-02-30' })).toEqual([
      'session: "2026-02-30" is not a real date, expected YYYY-MM-DD (a day that exists)',
    ]);
    expect(problems({ rating: 6 })?.[0]).toMatch(/^rating: /);
    expect(problems({ rating: 2.5 })?.[0]).toMatch(/^rating: /);
    expect(problems({ status: 'done' })?.[0]).toMatch(/^status: /);
    expect(problems({ author: '  ' })?.[0]).toMatch(/^author: /);
  });

  it('reads a session day as written, before YAML can roll 30 February over into March', () => {
    const file = '---\npaper: memit\ndate: 2026-11-01\nsession: 2026-02-30 # the day after\n---\n';
    expect(dateAsWritten(file, 'session')).toBe('2026-02-30');
    expect(dateAsWritten(file)).toBe('2026-11-01');
  });
});

describe('notes on a paper', () => {
  it('lists a paper’s notes newest first, and every note on the site newest first', async () => {
    const catalog = await catalogWith([
      note('memit', { paper: 'memit', author: 'Ana Lima', date: '2026-10-01' }),
      note('memit-2', { paper: 'memit', author: 'Bo Chen', date: '2026-11-20' }),
      note('lre', { paper: 'lre', author: 'Ana Lima', date: '2026-11-01' }),
    ]);
    expect(catalog.bySlug.get('memit')?.notes.map((n) => n.id)).toEqual(['memit-2', 'memit']);
    expect(catalog.notes.map((n) => n.id)).toEqual(['memit-2', 'lre', 'memit']);
    expect(catalog.bySlug.get('esmfold')?.notes).toEqual([]);
    expect(catalog.notes[0].path).toBe('/papers/memit/#note-memit-2');
  });

  it('links an author of the lab to their one author page, however the note spells the name', async () => {
    const catalog = await catalogWith([
      note('a', { paper: 'memit', author: 'fernanda viegas', date: '2026-10-01' }),
      note('b', { paper: 'memit', author: 'Dana Levi', date: '2026-10-02' }),
    ]);
    const [dana, fernanda] = catalog.notes.map((n) => n.author);
    expect(fernanda).toEqual({
      name: 'Fernanda Viégas',
      key: 'fernanda-viegas',
      path: '/authors/fernanda-viegas/',
      isLabMember: true,
    });
    expect(dana).toEqual({ name: 'Dana Levi', key: 'dana-levi', isLabMember: false });
  });

  it('keeps authors whose names have no Latin letters apart, and shows them as written', async () => {
    const catalog = await catalogWith([
      note('zh', { paper: 'memit', author: '李明', date: '2026-10-01', session: '2026-10-06', presenter: '李明' }),
      note('ko', { paper: 'memit', author: '김민준', date: '2026-10-02', session: '2026-10-06', presenter: '김민준' }),
      note('ar', { paper: 'lre', author: 'محمد علي', date: '2026-10-03' }),
    ]);
    expect(catalog.notes.map((n) => n.author.name)).toEqual(['محمد علي', '김민준', '李明']);
    expect(catalog.sessions[0].papers[0].presenters.map((p) => p.name)).toEqual(['李明', '김민준']);
  });

  it('leaves out drafts, notes on draft papers, and notes without text (they only name a session)', async () => {
    const catalog = await catalogWith([
      note('draft', { paper: 'memit', author: 'Ana Lima', date: '2026-10-01', draft: true }),
      note('on-hidden', { paper: 'hidden', author: 'Ana Lima', date: '2026-10-01' }),
      note('announcement', { paper: 'esmfold', author: 'Ana Lima', date: '2026-11-28', session: '2026-12-08' }, '  \n'),
    ]);
    expect(catalog.notes).toEqual([]);
    expect(catalog.sessions.map((s) => s.date)).toEqual(['2026-12-08', '2026-12-15']);
    expect(catalog.bySlug.get('esmfold')?.sessions.map((s) => s.path)).toEqual(['/sessions/#session-2026-12-08']);
  });

  it('renders the note’s Markdown with its title, rating and status', async () => {
    const catalog = await catalogWith([
      note(
        'memit',
        { paper: 'memit', author: 'Ana Lima', date: '2026-10-01', title: 'Scaling edits', rating: 4, status: 'read' },
        'The update $\\Delta$.[^1]\n\n[^1]: Footnote.',
      ),
    ]);
    const [first] = catalog.notes;
    expect(first.headingOnPaper).toBe('Scaling edits');
    expect(first.rating).toMatchObject({ value: 4, max: 5, stars: '★★★★☆', label: 'Rated 4 of 5' });
    expect(first.status).toEqual({ value: 'read', label: 'Read' });
    expect(first.html).toContain('class="katex"');
    expect(first.html).toContain('id="note-memit-fn-1"');
    expect(first.text).toBe('The update \\Delta. Footnote.');
    expect(first.feedHtml).not.toContain('katex-html');
  });

  it('calls a note without a title "Note by <author>" on its paper, and by the paper’s title among all notes', async () => {
    const [only] = (await catalogWith([note('x', { paper: 'lre', author: 'Bo Chen', date: '2026-10-01' })])).notes;
    expect(only.headingOnPaper).toBe('Note by Bo Chen');
    expect(only.headingInList).toBe('Linearity of Relation Decoding');
  });
});

describe('a note naming a paper that does not exist', () => {
  it('fails naming the note’s file and line, and the paper it probably meant', async () => {
    const bad = note('typo', { paper: 'memitt', author: 'Ana Lima', date: '2026-10-01' });
    const error = await catalogWith([bad]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `A note names a missing paper:\n${bad.filePath}:2: paper "memitt" is not a paper of this site ` +
        `(expected the file name of a paper in content/papers/ without ".md", e.g. "memit")`,
    );
  });

  it('names every such note at once', async () => {
    const error = (await catalogWith([
      note('one', { paper: 'nope', author: 'Ana Lima', date: '2026-10-01' }),
      note('fine', { paper: 'lre', author: 'Ana Lima', date: '2026-10-01' }),
      note('two', { paper: 'also-nope', author: 'Ana Lima', date: '2026-10-01' }),
    ]).catch((caught: unknown) => caught)) as Error;
    expect(error.message.split('\n')[0]).toBe('2 notes name a missing paper:');
    expect(error.message).toContain('one.md:2: paper "nope"');
    expect(error.message).toContain('two.md:2: paper "also-nope"');
    expect(error.message).not.toContain('fine.md');
  });
});

describe('sessions', () => {
  it('gathers every entry naming a day into one session, with its papers, presenters and notes', async () => {
    const catalog = await catalogWith([
      note('memit', {
        paper: 'memit',
        author: 'Ana Lima',
        date: '2026-11-25',
        session: '2026-11-24',
        presenter: 'Arnab Sen Sharma',
        time: '16:00',
        place: 'Room 3.14',
      }),
      note('lre', {
        paper: 'lre',
        author: 'Bo Chen',
        date: '2026-11-20',
        session: '2026-11-24',
        presenter: 'Tal Haklay',
      }),
      note('lre-2', {
        paper: 'lre',
        author: 'Ana Lima',
        date: '2026-11-21',
        session: '2026-11-24',
        presenter: 'tal haklay',
      }),
    ]);
    const [session] = catalog.sessions;
    expect(session).toMatchObject({
      id: 'session-2026-11-24',
      path: '/sessions/#session-2026-11-24',
      dateLabel: 'Tuesday 24 November 2026',
      time: '16:00',
      timeLabel: '16:00–17:30 (Eastern Time)',
      place: 'Room 3.14',
      written: '2026-11-25',
    });
    expect(
      session.papers.map((item) => [item.paper.slug, item.presenters.map((p) => p.name), item.notes.map((n) => n.id)]),
    ).toEqual([
      ['lre', ['Tal Haklay'], ['lre-2', 'lre']],
      ['memit', ['Arnab Sen Sharma'], ['memit']],
    ]);
    expect(catalog.bySlug.get('lre')?.notes.every((n) => n.session?.path === session.path)).toBe(true);
  });

  it('takes a session from a paper’s own frontmatter too, linking a presenter of the lab', async () => {
    const catalog = await catalogWith([]);
    const [session] = catalog.sessions;
    expect(session.date).toBe('2026-12-15');
    expect(session.time).toBeUndefined();
    expect(session.papers[0].presenters).toEqual([
      { name: 'Yonatan Belinkov', key: 'yonatan-belinkov', isLabMember: true },
    ]);
  });

  it('stops with both files named when two entries give one session different times', async () => {
    const first = note('a', {
      paper: 'memit',
      author: 'Ana Lima',
      date: '2026-11-01',
      session: '2026-11-24',
      time: '16:00',
    });
    const second = note('b', {
      paper: 'lre',
      author: 'Ana Lima',
      date: '2026-11-02',
      session: '2026-11-24',
      time: '15:00',
    });
    await expect(catalogWith([first, second])).rejects.toThrow(
      `${second.filePath}: the session on 2026-11-24 has time "15:00" here but "16:00" in ${first.filePath}`,
    );
  });

  it('turns a time in the group’s zone into the right instants, across daylight saving time', () => {
    expect(sessionInterval('2026-11-24', '16:00', 'America/New_York', 90)).toEqual({
      start: new Date('2026-11-24T21:00:00Z'),
      end: new Date('2026-11-24T22:30:00Z'),
    });
    expect(sessionInterval('2026-07-07', '16:00', 'America/New_York', 60).start).toEqual(
      new Date('2026-07-07T20:00:00Z'),
    );
    // A session without a time lasts its whole day in the group's zone.
    expect(sessionInterval('2026-12-08', undefined, 'Asia/Tokyo', 60)).toEqual({
      start: new Date('2026-12-07T15:00:00Z'),
      end: new Date('2026-12-08T15:00:00Z'),
    });
  });

  it('calls a session upcoming until it ends: soonest first, then past ones most recent first', async () => {
    const catalog = await catalogWith([
      note('a', { paper: 'memit', author: 'A', date: '2026-11-01', session: '2026-11-24', time: '16:00' }),
      note('b', { paper: 'lre', author: 'A', date: '2026-11-01', session: '2026-12-08', time: '16:00' }),
      note('c', { paper: 'esmfold', author: 'A', date: '2026-11-01', session: '2026-10-01' }),
    ]);
    const at = (iso: string) => {
      const { upcoming, past } = splitSessions(catalog.sessions, new Date(iso));
      return { upcoming: upcoming.map((s) => s.date), past: past.map((s) => s.date) };
    };
    expect(at('2026-12-01T12:00:00Z')).toEqual({
      upcoming: ['2026-12-08', '2026-12-15'],
      past: ['2026-11-24', '2026-10-01'],
    });
    // During the session (16:00–17:30 New York = 21:00–22:30 UTC) it is still upcoming.
    expect(at('2026-11-24T22:00:00Z').upcoming[0]).toBe('2026-11-24');
    expect(at('2026-11-24T22:30:00Z').upcoming[0]).toBe('2026-12-08');
  });

  it('splits by the same rule in the browser, from the instants the build writes', () => {
    const sessions = [
      { element: 'late', start: 300, end: 400 },
      { element: 'early', start: 100, end: 200 },
      { element: 'middle', start: 200, end: 250 },
    ];
    const { upcoming, past } = splitByClock(sessions, 250);
    expect(upcoming.map((s) => s.element)).toEqual(['late']);
    expect(past.map((s) => s.element)).toEqual(['middle', 'early']);
  });

  it('takes the build’s “now” from SOURCE_DATE_EPOCH when set, and says it in the group’s zone', () => {
    expect(referenceTime({ SOURCE_DATE_EPOCH: '1796126400' })).toEqual(new Date('2026-12-01T12:00:00Z'));
    expect(() => referenceTime({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
    const page = sessionsPageData([], new Date('2026-12-01T12:00:00Z'));
    expect(page.asOfLabel).toBe('1 December 2026, 07:00 (Eastern Time)');
    expect(page.asOf).toBe('2026-12-01T12:00:00.000Z');
  });
});

describe('the iCalendar feed', () => {
  async function feed() {
    const catalog = await catalogWith([
      note('memit', {
        paper: 'memit',
        author: 'Ana Lima',
        date: '2026-11-25',
        session: '2026-11-24',
        presenter: 'Arnab Sen Sharma',
        time: '16:00',
        place: 'Room 3.14, Building 2; or online',
      }),
    ]);
    const text = sessionsCalendar(catalog.sessions, calendarStamp(catalog, {}));
    return { catalog, text, events: new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent') };
  }

  it('is read back by ical.js as one event per session with RFC 5545’s required properties', async () => {
    const { catalog, text, events } = await feed();
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual(
      catalog.sessions.map((session) => sessionUid(session)),
    );
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual([
      'session-2026-11-24@example.org',
      'session-2026-12-15@example.org',
    ]);
    const [timed, allDay] = events.map((event) => new ICAL.Event(event));
    expect(timed.summary).toBe('Reading group: Mass-Editing Memory in a Transformer');
    expect(timed.location).toBe('Room 3.14, Building 2; or online');
    expect(timed.description).toContain('Presented by Arnab Sen Sharma');
    expect(timed.description).toContain('https://example.org/papers/memit/#note-memit');
    expect(events[0].getFirstPropertyValue('url')).toBe('https://example.org/sessions/#session-2026-11-24');
    expect(allDay.summary).toBe('Reading group: A paper with its session in its frontmatter');
  });

  it('gives a timed session its start and end in the group’s zone, with the zone’s definition', async () => {
    const { events, text } = await feed();
    const start = events[0].getFirstProperty('dtstart');
    expect(start?.getParameter('tzid')).toBe('America/New_York');
    expect(text).toContain('DTSTART;TZID=America/New_York:20261124T160000');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
    const event = new ICAL.Event(events[0]);
    event.startDate.zone = zone;
    event.endDate.zone = zone;
    expect(event.startDate.toJSDate()).toEqual(new Date('2026-11-24T21:00:00Z'));
    expect(event.endDate.toJSDate()).toEqual(new Date('2026-11-24T22:30:00Z'));
  });

  it('gives a session without a time the whole day', async () => {
    const { events } = await feed();
    const event = new ICAL.Event(events[1]);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-12-15');
    expect(event.endDate.toString()).toBe('2026-12-16');
  });

  it('stamps every event with the content’s revision date in UTC, so the same content gives the same file', async () => {
    const { events, text } = await feed();
    const stamp = events[0].getFirstProperty('dtstamp');
    expect(String(stamp?.getFirstValue())).toBe('2026-11-25T00:00:00Z');
    expect((await feed()).text).toBe(text);
  });

  it('stamps with SOURCE_DATE_EPOCH when the build sets it', async () => {
    const { catalog } = await feed();
    expect(calendarStamp(catalog, { SOURCE_DATE_EPOCH: '1796126400' })).toEqual(new Date('2026-12-01T12:00:00Z'));
  });
});

describe('notes in search', () => {
  async function searchable() {
    return catalogWith([
      note(
        'memit',
        { paper: 'memit', author: 'Ana Lima', date: '2026-11-01' },
        'The covariance is **zanzibarite** $C_0$.',
      ),
      note('memit-2', { paper: 'memit', author: 'Bo Chen', date: '2026-11-02' }, 'A second thought.'),
      note('announcement', { paper: 'lre', author: 'Bo Chen', date: '2026-11-02', session: '2026-12-01' }, ''),
    ]);
  }

  it('puts the text of a paper’s notes in its search record, and marks it as having notes', async () => {
    const catalog = await searchable();
    const memit = catalog.bySlug.get('memit')?.search;
    expect(memit?.text.notes).toBe('A second thought.\nThe covariance is zanzibarite C_0.');
    expect(memit?.filters.notes).toEqual(['yes']);
    // A note without text is no note: the paper it names has none to search or count.
    expect(catalog.bySlug.get('lre')?.search.text.notes).toBe('');
    expect(catalog.bySlug.get('lre')?.search.filters.notes).toBeUndefined();
  });

  it('gives Pagefind the notes as a weighted field and the has-notes filter', async () => {
    const record = (await searchable()).bySlug.get('memit')?.search;
    const pagefind = record && toPagefindRecord(record, 'en');
    expect(pagefind?.meta.notes).toContain('zanzibarite');
    expect(pagefind?.filters.notes).toEqual(['yes']);
  });

  it('finds a paper offline by a word only its notes have, and filters and counts papers with notes', async () => {
    const catalog = await searchable();
    const files = new Map(
      buildOfflineIndex(
        catalog.papers.map((paper) => paper.search),
        'en',
      ).map((file) => [file.name, dataScript(file.name, file.value)]),
    );
    const backend = createOfflineBackend(async <T>(name: string) => readDataScript<T>(files.get(name) ?? '', name));
    const found = await backend.search({ term: 'zanzibarite', filters: {}, sort: 'relevance' });
    expect((await found.hits(0, 10)).map((hit) => hit.path)).toEqual(['/papers/memit/']);
    const everything = await backend.search({ term: 'abstract', filters: {}, sort: 'relevance' });
    expect(everything.facetCounts.notes).toEqual({ yes: 1 });
    const withNotes = await backend.search({ term: 'abstract', filters: { notes: ['yes'] }, sort: 'relevance' });
    expect((await withNotes.hits(0, 10)).map((hit) => hit.path)).toEqual(['/papers/memit/']);
  });
});
