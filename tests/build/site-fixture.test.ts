/**
 * The site built from a small fixture (tests/fixtures/site/papers) made of the cases the
 * seed lacks: one author spelled with and without a diacritic, in lower case and with a
 * double space; an affiliation in two cases; a draft; a year-only and a month-only date;
 * a title that is a number; BibTeX special characters, an organisation and a "Jr.".
 * The build runs once here, into a temporary folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { attr, byClass, findAll, linkSlug, pageFile, parsePage, text } from './support/html.ts';

const FIXTURE = path.resolve('tests/fixtures/site/papers');
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
let work: string;
let dist: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'site-fixture-'));
  dist = path.join(work, 'dist');
  await promisify(execFile)(process.execPath, [ASTRO, 'build', '--silent'], {
    env: {
      ...process.env,
      PAPERS_DIR: FIXTURE,
      DIST_DIR: dist,
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      SITE_BASE: '/',
      // "Now" for the build (2026-12-01T12:00Z): which sessions the page lists as upcoming.
      SOURCE_DATE_EPOCH: '1796126400',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const page = (sitePath: string) => parsePage(sitePath, dist);
const heading = (sitePath: string) => text(findAll(page(sitePath), (element) => element.tagName === 'h1')[0]);
const listed = (sitePath: string) =>
  byClass(page(sitePath), 'paper-row-title').map((title) =>
    linkSlug(attr(findAll(title, (element) => element.tagName === 'a')[0], 'href') ?? ''),
  );

describe('one person, one page', () => {
  it('gives an author written with and without a diacritic, in lower case or with extra spaces one page', () => {
    const viegasPages = readdirSync(path.join(dist, 'authors')).filter((slug) => slug.includes('viegas'));
    expect(viegasPages).toEqual(['fernanda-viegas']);
    expect(heading('/authors/fernanda-viegas/')).toBe('Fernanda Viégas');
    expect(new Set(listed('/authors/fernanda-viegas/'))).toEqual(
      new Set(['interactive-k-nn-views', 'attention-atlases', 'costs-and-benefits']),
    );
    expect(existsSync(pageFile('/authors/yonatan-belinkov/', dist))).toBe(true);
    expect(heading('/authors/yonatan-belinkov/')).toBe('Yonatan Belinkov');
  });

  it('shows the one display name on every paper, linked to the one page and highlighted as a lab member', () => {
    for (const slug of ['interactive-k-nn-views', 'attention-atlases', 'costs-and-benefits']) {
      const first = byClass(byClass(page(`/papers/${slug}/`), 'paper-authors')[0], 'author')[0];
      expect(text(first), slug).toBe('Fernanda Viégas');
      expect(linkSlug(attr(first, 'href') ?? '')).toBe('fernanda-viegas');
      expect(attr(first, 'className')).toContain('lab-member');
      expect(findAll(first, (element) => element.tagName === 'strong')).toHaveLength(1);
    }
  });

  it('lists the author once on the A–Z index, with all three papers', () => {
    const entries = findAll(
      page('/authors/'),
      (element) => element.tagName === 'li' && text(element).includes('Viégas'),
    );
    expect(entries.map(text)).toEqual(['Fernanda Viégas 3 papers']);
  });

  it('gives an affiliation written in two cases one page', () => {
    expect(readdirSync(path.join(dist, 'affiliations')).filter((name) => name !== 'index.html')).toEqual(['mit']);
    expect(new Set(listed('/affiliations/mit/'))).toEqual(new Set(['interactive-k-nn-views', 'attention-atlases']));
  });
});

describe('content edge cases', () => {
  it('leaves drafts out of every page, index and export', () => {
    expect(existsSync(pageFile('/papers/hidden-draft/', dist))).toBe(false);
    expect(existsSync(pageFile('/authors/hidden-author/', dist))).toBe(false);
    for (const file of [
      'papers.json',
      'papers.bib',
      'rss.xml',
      'papers/index.html',
      'index.html',
      'notes/index.html',
      'notes/rss.xml',
      'sessions/index.html',
      'sessions.ics',
      'papers/attention-atlases/index.html',
    ]) {
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('Hidden');
    }
  });

  it('shows only as much of a date as is known', () => {
    const date = (slug: string) =>
      text(findAll(byClass(page(`/papers/${slug}/`), 'paper-kicker')[0], (element) => element.tagName === 'time')[0]);
    expect(date('attention-atlases')).toBe('2022');
    expect(date('costs-and-benefits')).toBe('March 2024');
    expect(date('interactive-k-nn-views')).toBe('1 May 2023');
  });

  it('keeps a paper whose slug is a number apart from the listing pages', () => {
    expect(heading('/papers/1984/')).toBe('1984');
    expect(listed('/papers/')).toContain('1984');
  });

  it('renders math in titles with KaTeX, on the paper page and in listings', () => {
    const title = byClass(page('/papers/interactive-k-nn-views/'), 'paper-title')[0];
    expect(findAll(title, (element) => element.tagName === 'annotation').map(text)).toEqual(['k']);
    const row = byClass(page('/authors/fernanda-viegas/'), 'paper-row-title').find((element) =>
      text(element).includes('NN Views'),
    );
    expect(row && byClass(row, 'katex')).toHaveLength(1);
  });

  it('fills every related list up to its size even when papers share few words', () => {
    for (const slug of ['interactive-k-nn-views', 'attention-atlases', 'costs-and-benefits', '1984']) {
      const related = byClass(page(`/papers/${slug}/`), 'related')[0];
      const links = findAll(related, (element) => element.tagName === 'a').map((link) =>
        linkSlug(attr(link, 'href') ?? ''),
      );
      expect(new Set(links).size, slug).toBe(3);
      expect(links).not.toContain(slug);
    }
  });

  it('shows the venue on the paper page', () => {
    expect(text(page('/papers/costs-and-benefits/'))).toContain('Proceedings of Tests & Things');
  });
});

describe('BibTeX with special characters', () => {
  const fullName = (creator: Creator) =>
    creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');

  it('escapes &, %, braces, _, # and ~ so a parser reads the title back unchanged', () => {
    const library = parseBibtex(readFileSync(path.join(dist, 'papers.bib'), 'utf8'), {
      english: false,
      unsupported: (_node, tex) => tex,
    });
    expect(library.errors).toEqual([]);
    const entry = library.entries.find((candidate) => candidate.fields.title?.startsWith('Costs'));
    expect(entry?.fields.title).toBe('Costs & Benefits of 100% {Braces}: a_b, #tags and ~tildes -- a study');
    expect(entry?.type).toBe('inproceedings');
    expect(entry?.fields.booktitle).toBe('Proceedings of Tests & Things');
    expect(entry?.fields.eprint).toBe('2403.01234');
    expect(entry?.fields.month).toBe('3');
    expect((entry?.fields.author ?? []).map(fullName)).toEqual([
      'fernanda viégas',
      'BigScience Workshop',
      'Martin Luther King Jr.',
      'Ana Müller',
    ]);
    // An organisation stays one name, not "Workshop, BigScience".
    expect(entry?.fields.author?.[1]).toEqual({ name: 'BigScience Workshop' });
  });

  it('gives every entry a unique key', () => {
    const library = parseBibtex(readFileSync(path.join(dist, 'papers.bib'), 'utf8'), {
      english: false,
      unsupported: (_node, tex) => tex,
    });
    const keys = library.entries.map((entry) => entry.key);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('notes and sessions', () => {
  const notesOn = (slug: string) => byClass(page(`/papers/${slug}/`), 'note');
  const headerOf = (note: Element) => text(byClass(note, 'note-meta')[0]);

  it('shows a paper’s notes newest first, each author as written or as their author page spells them', () => {
    const notes = notesOn('interactive-k-nn-views');
    expect(notes.map((note) => attr(note, 'id'))).toEqual([
      'note-interactive-k-nn-views-2',
      'note-interactive-k-nn-views',
    ]);
    expect(notes.map(headerOf)).toEqual(['محمد علي · 20 October 2026 · Skimmed', '李明 · 5 October 2026']);
    const [atlas] = notesOn('attention-atlases');
    const author = byClass(atlas, 'author')[0];
    expect(text(author)).toBe('Fernanda Viégas');
    expect(linkSlug(attr(author, 'href') ?? '')).toBe('fernanda-viegas');
  });

  it('gives two notes with footnotes on one page ids that never repeat', () => {
    const ids = findAll(page('/papers/interactive-k-nn-views/'), (element) => element.properties.id !== undefined).map(
      (element) => String(element.properties.id),
    );
    expect(ids.filter((id) => id.includes('fn'))).toHaveLength(4);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('moves a note’s own headings under its h3, whether written # or ##', () => {
    const [second] = notesOn('interactive-k-nn-views').slice(1);
    expect(findAll(second, (element) => element.tagName === 'h4').map(text)).toEqual(['问题', 'Footnotes']);
  });

  it('counts the notes in listings, linking to them', () => {
    const row = byClass(page('/papers/'), 'paper-row').find((element) => text(element).includes('NN Views'));
    const link = row && byClass(row, 'notes-link')[0];
    expect(link && text(link)).toBe('2 notes');
    expect(link && attr(link, 'href')).toMatch(/(^|\/)interactive-k-nn-views\/(index\.html)?#notes$/);
  });

  it('lists sessions upcoming as of the build first, soonest first, then past ones', () => {
    const sessions = page('/sessions/');
    const list = (name: string) =>
      findAll(sessions, (element) => attr(element, 'dataSessionsList') === name).flatMap((ol) =>
        byClass(ol, 'session').map((item) => attr(item, 'id')),
      );
    expect(list('upcoming')).toEqual(['session-2026-12-08', 'session-2026-12-15']);
    expect(list('past')).toEqual(['session-2026-11-24']);
    const [past] = byClass(sessions, 'session').filter((item) => attr(item, 'id') === 'session-2026-11-24');
    expect(attr(past, 'dataSessionEnd')).toBe('2026-11-24T22:30:00.000Z');
    expect(text(past)).toContain('16:00–17:30 (Eastern Time) · Room 3.14');
    expect(text(past)).toContain('presented by Yonatan Belinkov');
  });

  it('shows a session named in a paper’s frontmatter on the paper page and the calendar', () => {
    expect(text(page('/papers/costs-and-benefits/'))).toContain(
      'Reading group Tuesday 15 December 2026, presented by Ana Müller',
    );
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(dist, 'sessions.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => [event.uid, event.startDate.toString(), event.summary])).toEqual([
      ['session-2026-11-24@example.org', '2026-11-24T16:00:00', 'Reading group: Attention Atlases'],
      ['session-2026-12-08@example.org', '2026-12-08', 'Reading group: 1984'],
      [
        'session-2026-12-15@example.org',
        '2026-12-15',
        'Reading group: Costs & Benefits of 100% {Braces}: a_b, #tags and ~tildes -- a study',
      ],
    ]);
    // SOURCE_DATE_EPOCH pins every stamp.
    expect(
      calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('dtstamp'))),
    ).toEqual(Array(3).fill('2026-12-01T12:00:00Z'));
  });
});
