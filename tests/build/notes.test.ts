/**
 * The seed site's reading notes and sessions, read from the built dist/: every note on its
 * paper's page (newest first, math, footnotes, tables and code rendered), counts in listings,
 * /notes/ and its RSS feed, /sessions/ split at the build's time, and /sessions.ics read back
 * with ical.js. The expectations come from the note files themselves (content/notes/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { XMLParser } from 'fast-xml-parser';
import type { Element } from 'hast';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { SITE } from '../../src/site.config.ts';
import { slugify } from '../../src/lib/slug.ts';
import { attr, byClass, findAll, linkSlug, parseFile, parsePage, resolveLink, text } from './support/html.ts';

const NOTES_DIR = path.resolve(process.env.NOTES_DIR ?? 'content/notes');

interface SourceNote {
  id: string;
  paper: string;
  author: string;
  date: string;
  session?: string;
  presenter?: string;
  time?: string;
  body: string;
}

/** The seed's note files as written (YAML dates as `YYYY-MM-DD`). */
const sourceNotes: SourceNote[] = readdirSync(NOTES_DIR)
  .filter((file) => file.endsWith('.md'))
  .map((file) => {
    const { frontmatter, content } = parseFrontmatter(readFileSync(path.join(NOTES_DIR, file), 'utf8'));
    const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value as string));
    return {
      id: file.replace(/\.md$/, ''),
      paper: String(frontmatter.paper),
      author: String(frontmatter.author),
      date: day(frontmatter.date),
      session: frontmatter.session === undefined ? undefined : day(frontmatter.session),
      presenter: frontmatter.presenter as string | undefined,
      time: frontmatter.time as string | undefined,
      body: content,
    };
  });
/** Notes with text, newest first (a note without text only names a session). */
const withText = sourceNotes
  .filter((note) => note.body.trim() !== '')
  .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : 1));

const tagged = (node: Element | ReturnType<typeof parsePage>, tag: string) =>
  findAll(node, (element) => element.tagName === tag);

describe('notes on the paper pages', () => {
  it('has seed notes with text and one that only names a session', () => {
    expect(withText.length).toBeGreaterThanOrEqual(3);
    expect(sourceNotes.some((note) => note.body.trim() === '' && note.session)).toBe(true);
  });

  it('shows every note with text on its paper’s page, newest first, below the abstract', () => {
    for (const slug of new Set(withText.map((note) => note.paper))) {
      const page = parsePage(`/papers/${slug}/`);
      const expected = withText.filter((note) => note.paper === slug).map((note) => `note-${note.id}`);
      const section = findAll(page, (element) => attr(element, 'id') === 'notes')[0];
      expect(
        byClass(section, 'note').map((note) => attr(note, 'id')),
        slug,
      ).toEqual(expected);
      expect(text(tagged(section, 'h2')[0])).toBe(`Notes (${expected.length})`);
      // The notes follow the abstract inside the searchable article.
      const article = byClass(page, 'paper')[0];
      const sections = findAll(article, (element) => element.tagName === 'section').map((element) =>
        attr(element, 'className'),
      );
      expect(sections.indexOf('abstract')).toBeGreaterThanOrEqual(0);
      expect(sections.indexOf('abstract')).toBeLessThan(sections.indexOf('notes'));
    }
  });

  it('shows no notes section on a paper without notes', () => {
    const noted = new Set(withText.map((note) => note.paper));
    const other = readdirSync(path.join(DIST, 'papers')).find(
      (slug) => !noted.has(slug) && !/^(index\.html|page)$/.test(slug),
    );
    expect(other).toBeDefined();
    expect(findAll(parsePage(`/papers/${other}/`), (element) => attr(element, 'id') === 'notes')).toEqual([]);
  });

  it('renders the notes’ math with KaTeX, footnotes that link both ways, tables and code', () => {
    const notes = withText.map((note) => parsePage(`/papers/${note.paper}/`));
    const all = (name: string) => notes.flatMap((page) => byClass(page, name));
    expect(all('note-body').flatMap((body) => byClass(body, 'katex')).length).toBeGreaterThan(3);
    expect(all('note-body').flatMap((body) => byClass(body, 'katex-display')).length).toBeGreaterThan(0);
    expect(notes.flatMap((page) => tagged(page, 'table')).length).toBeGreaterThan(0);
    expect(
      notes.flatMap((page) => tagged(page, 'code')).some((code) => attr(code, 'className') === 'language-python'),
    ).toBe(true);
    for (const [i, page] of notes.entries()) {
      const file = path.join(DIST, 'papers', withText[i].paper, 'index.html');
      const ids = new Set(findAll(page, (element) => attr(element, 'id') !== undefined).map((e) => attr(e, 'id')));
      for (const reference of findAll(page, (element) => element.properties.dataFootnoteRef !== undefined)) {
        const target = resolveLink(file, attr(reference, 'href') ?? '');
        expect(target && ids.has(target.fragment)).toBe(true);
        expect(ids.has(attr(reference, 'ariaDescribedBy') ?? '')).toBe(true);
      }
    }
  });

  it('shows each note’s author and date, and links a lab member to their author page', () => {
    const [newest] = withText;
    const note = findAll(parsePage(`/papers/${newest.paper}/`), (e) => attr(e, 'id') === `note-${newest.id}`)[0];
    const meta = text(byClass(note, 'note-meta')[0]);
    expect(meta).toContain(newest.author);
    expect(meta).toContain(new Date(`${newest.date}T12:00:00Z`).getUTCFullYear().toString());
    const byMember = withText.find((candidate) => SITE.labMembers.includes(candidate.author));
    if (byMember) {
      const page = parsePage(`/papers/${byMember.paper}/`);
      const memberNote = findAll(page, (e) => attr(e, 'id') === `note-${byMember.id}`)[0];
      const link = byClass(memberNote, 'author')[0];
      expect(attr(link, 'href')).toMatch(/authors\/[a-z-]+\/(index\.html)?$/);
    }
  });

  it('counts a paper’s notes in the paper listings', () => {
    const counts = new Map<string, number>();
    for (const note of withText) counts.set(note.paper, (counts.get(note.paper) ?? 0) + 1);
    const listingPages = ['/papers/', ...readdirSync(path.join(DIST, 'papers/page')).map((n) => `/papers/page/${n}/`)];
    const rows = listingPages.flatMap((listing) => byClass(parsePage(listing), 'paper-row'));
    for (const [slug, count] of counts) {
      const row = rows.find(
        (candidate) => linkSlug(attr(tagged(byClass(candidate, 'paper-row-title')[0], 'a')[0], 'href') ?? '') === slug,
      );
      expect(row && text(byClass(row, 'notes-link')[0]), slug).toBe(`${count} ${count === 1 ? 'note' : 'notes'}`);
    }
  });
});

describe('/notes/', () => {
  it('lists every note with text, newest first, under a heading per month', () => {
    const page = parsePage('/notes/');
    expect(byClass(page, 'note').map((note) => attr(note, 'id'))).toEqual(withText.map((note) => `note-${note.id}`));
    const months = byClass(page, 'notes-month').map((month) => attr(tagged(month, 'h2')[0], 'id'));
    expect(months).toEqual([...new Set(withText.map((note) => `notes-${note.date.slice(0, 7)}`))]);
  });

  it('has an RSS feed with every note, its full text, math as MathML and absolute links', () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(path.join(DIST, 'notes/rss.xml'), 'utf8'),
    );
    const items = [feed.rss.channel.item].flat() as { link: string; 'content:encoded': string; 'dc:creator': string }[];
    expect(items.map((item) => item.link)).toEqual(
      withText.map((note) => new URL(`papers/${note.paper}/#note-${note.id}`, new URL(SITE.base, SITE.site)).href),
    );
    // Each author under the one spelling of their author page, when they have one.
    expect(items.map((item) => slugify(item['dc:creator']))).toEqual(withText.map((note) => slugify(note.author)));
    const content = items.map((item) => item['content:encoded']).join('\n');
    expect(content).toContain('<math');
    expect(content).not.toContain('katex-html');
    expect(content).not.toMatch(/href="\/(?!\/)/);
    const notesPage = path.join(DIST, 'notes/index.html');
    const alternates = findAll(
      parseFile(notesPage),
      (e) => e.tagName === 'link' && attr(e, 'type') === 'application/rss+xml',
    );
    expect(alternates.map((link) => resolveLink(notesPage, attr(link, 'href') ?? '')?.file)).toContain(
      path.join(DIST, 'notes/rss.xml'),
    );
  });
});

describe('sessions', () => {
  const sessionDays = [...new Set(sourceNotes.flatMap((note) => (note.session ? [note.session] : [])))].sort();

  it('lists the sessions as upcoming or past as of the time the page was built', () => {
    const page = parsePage('/sessions/');
    const root = findAll(page, (element) => element.properties.dataSessions !== undefined)[0];
    const asOf = Date.parse(attr(root, 'dataSessionsAsOf') ?? '');
    expect(Number.isNaN(asOf)).toBe(false);
    const list = (name: string) =>
      findAll(page, (element) => attr(element, 'dataSessionsList') === name).flatMap((ol) => byClass(ol, 'session'));
    const upcoming = list('upcoming');
    const past = list('past');
    expect([...upcoming, ...past].map((item) => attr(item, 'id')).sort()).toEqual(
      sessionDays.map((day) => `session-${day}`),
    );
    for (const item of upcoming) expect(Date.parse(attr(item, 'dataSessionEnd') ?? '')).toBeGreaterThan(asOf);
    for (const item of past) expect(Date.parse(attr(item, 'dataSessionEnd') ?? '')).toBeLessThanOrEqual(asOf);
  });

  it('names each session’s papers, presenters and notes', () => {
    const page = parsePage('/sessions/');
    for (const note of sourceNotes.filter((candidate) => candidate.session)) {
      const item = findAll(page, (element) => attr(element, 'id') === `session-${note.session}`)[0];
      const links = tagged(item, 'a').map((link) => attr(link, 'href') ?? '');
      expect(links.some((href) => href.includes(`papers/${note.paper}/`))).toBe(true);
      if (note.presenter) expect(text(item)).toContain(note.presenter);
      if (note.body.trim()) expect(links.some((href) => href.endsWith(`#note-${note.id}`))).toBe(true);
    }
  });

  it('publishes /sessions.ics, which ical.js reads back as one event per session', () => {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(DIST, 'sessions.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual(
      sessionDays.map((day) => `session-${day}@${new URL(SITE.site).host}${SITE.base.replace(/\/$/, '')}`),
    );
    const sessionsPage = path.join(DIST, 'sessions/index.html');
    for (const [i, event] of events.entries()) {
      const day = sessionDays[i];
      const timed = sourceNotes.find((note) => note.session === day && note.time);
      const start = event.getFirstProperty('dtstart');
      expect(String(start?.getFirstValue())).toBe(timed ? `${day}T${timed.time}:00` : day);
      if (timed) expect(start?.getParameter('tzid')).toBe(SITE.sessions.timeZone);
      expect(event.getFirstPropertyValue('dtstamp')).toBeDefined();
      expect(String(event.getFirstPropertyValue('summary'))).toMatch(/^Reading group: /);
      // The event's URL is the session on the sessions page, with the site's origin and base.
      const url = new URL(String(event.getFirstPropertyValue('url')));
      expect(url.hash).toBe(`#session-${day}`);
      const target = resolveLink(sessionsPage, url.pathname.replace(/^\/?/, '/') + url.hash);
      expect(target?.file).toBe(sessionsPage);
    }
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(SITE.sessions.timeZone);
  });
});
