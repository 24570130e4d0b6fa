/**
 * The example lab as built (tests/fixtures/lab, built under /lab/ by tests/helpers/lab-site.ts):
 * /people/, the profiles on members' author pages with their JSON-LD, spellings joined to
 * one page, and the photos the image pipeline made from a 4 MB camera JPEG.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { CAMERA_PHOTO, SCENE } from '../helpers/camera-photo.ts';
import { attr, byClass, findAll, hasClass, linkSlug, parsePage, resolveLink, text } from './support/html.ts';

const lab = inject('labSite');
const page = (sitePath: string) => parsePage(sitePath, lab.dist);
const file = (sitePath: string) => path.join(lab.dist, sitePath.replace(/^\//, ''), 'index.html');
const byTag = (node: Root | Element, tag: string) => findAll(node, (element) => element.tagName === tag);
const jsonLd = (sitePath: string): Record<string, unknown> | undefined => {
  const script = findAll(page(sitePath), (element) => attr(element, 'type') === 'application/ld+json')[0];
  return script && JSON.parse(text(script));
};
/** The text a screen reader reads: without what is `aria-hidden` (icons). */
const spokenText = (element: Element): string =>
  text({
    ...element,
    children: element.children.filter((child) => child.type !== 'element' || attr(child, 'ariaHidden') !== 'true'),
  });
/** The file a link or image URL of the page at `sitePath` points at. */
const target = (sitePath: string, href: string) => resolveLink(file(sitePath), href, lab.dist, lab.base)?.file ?? '';

describe('/people/', () => {
  const people = page('/people/');
  const sections = byTag(people, 'section').map((section) => ({
    heading: text(byTag(section, 'h2')[0]),
    cards: byClass(section, 'person-card'),
  }));
  const names = (cards: Element[]) => cards.map((card) => text(byClass(card, 'person-name')[0]));

  it('groups members by role in the usual order, a free-text role as its own group, then alumni', () => {
    expect(sections.map((section) => [section.heading, names(section.cards)])).toEqual([
      ['Principal investigators', ['Ada Okafor']],
      ['Postdocs', ['Jonas Müller-Brandt']],
      ['PhD students', ['Kwame Mensah', 'Lucía Gómez', 'Sam Rivera']],
      ['Master’s students', ['Dmitri Volkov', 'Priya Raman']],
      ['Undergraduates', ['Ethan Brooks', 'Hana Novak']],
      ['Staff', ['Grace Liu', 'Omar Said']],
      ['Visiting researcher', ['Noor Haddad']],
      ['Alumni', ['Tomás Ferreira', 'Mei Chen']],
    ]);
  });

  it('gives alumni their years and where they went, and members their pronouns, own role wording and interests', () => {
    const facts = (name: string) => {
      const card = sections.flatMap((section) => section.cards).find((c) => text(c).includes(name));
      return card ? byClass(card, 'person-facts').map(text).join() : '';
    };
    expect(facts('Tomás Ferreira')).toBe('PhD student · 2017–2022 · now at Universidade de Lisboa');
    expect(facts('Mei Chen')).toBe('Postdoc · now at Example Robotics');
    expect(facts('Sam Rivera')).toBe('they/them · PhD candidate · since 2021');
    // "Principal investigator" under "Principal investigators" is not repeated.
    expect(facts('Ada Okafor')).toBe('she/her · since 2015');
    expect(facts('Hana Novak')).toBe('Undergraduate researcher · since 2024');
    expect(facts('Ethan Brooks')).toBe('since 2025');
    expect(text(byClass(sections[0].cards[0], 'person-interests')[0])).toBe(
      'Interpretability, Causal abstraction, Evaluation',
    );
  });

  it('links every member to their author page, which exists, including a member with no paper yet', () => {
    for (const card of sections.flatMap((section) => section.cards)) {
      const link = byTag(byClass(card, 'person-name')[0], 'a')[0];
      const href = attr(link, 'href') ?? '';
      expect(() => statSync(target('/people/', href)), href).not.toThrow();
    }
    const priya = sections[3].cards[1];
    expect(text(byClass(priya, 'person-papers')[0])).toBe('No papers yet');
    expect(text(byClass(page('/authors/priya-raman/'), 'listing')[0])).toContain('No papers yet.');
  });

  it('draws initials for members without a photo, as inline SVG hidden from screen readers', () => {
    const jonas = sections[1].cards[0];
    const svg = byTag(jonas, 'svg')[0];
    expect(attr(svg, 'dataInitials')).toBe('JM');
    expect(text(svg)).toBe('JM');
    expect(attr(svg, 'ariaHidden')).toBe('true');
    expect(byTag(jonas, 'img')).toHaveLength(0);
  });

  it('loads the first cards’ photos at once and the ones further down lazily', () => {
    const [ada, tomas] = byTag(people, 'img');
    expect([attr(ada, 'loading'), attr(tomas, 'loading')]).toEqual(['eager', 'lazy']);
  });

  it('is in the main navigation of every page', () => {
    for (const sitePath of ['/', '/papers/', '/authors/lena-fischer/']) {
      const nav = findAll(page(sitePath), (element) => attr(element, 'ariaLabel') === 'Main')[0];
      expect(byTag(nav, 'a').map(text), sitePath).toContain('People');
    }
  });
});

describe('a member’s profile on their author page', () => {
  const ada = page('/authors/ada-okafor/');
  const header = byClass(ada, 'listing-header')[0];

  it('shows photo, name, pronouns, role, years, interests, links and the bio above the papers', () => {
    expect(text(byTag(header, 'h1')[0])).toBe('Ada Okafor');
    expect(text(byClass(header, 'person-facts')[0])).toBe('she/her · Principal investigator · since 2015');
    expect(text(byClass(header, 'person-interests')[0])).toBe(
      'Interests: Interpretability, Causal abstraction, Evaluation',
    );
    const bio = byClass(header, 'profile-bio')[0];
    expect(byTag(bio, 'em').map(text)).toEqual(['why']);
    expect(attr(byTag(bio, 'a')[0], 'href')).toBe('https://institute.example.org/');
    expect(byTag(header, 'picture')).toHaveLength(1);
    const listing = byClass(ada, 'listing')[0].children.filter((child): child is Element => child.type === 'element');
    expect(hasClass(listing[0], 'listing-header')).toBe(true);
  });

  it('marks the person’s own accounts rel="me" and shows the ORCID iD as its full URL with the iD icon', () => {
    const links = byTag(byClass(header, 'profile-links')[0], 'a').map((link) => ({
      text: spokenText(link),
      href: attr(link, 'href'),
      rel: attr(link, 'rel'),
    }));
    expect(links).toEqual([
      { text: 'Website', href: 'https://ada-okafor.example.org/', rel: 'me' },
      { text: 'ada.okafor@example.org', href: 'mailto:ada.okafor@example.org', rel: undefined },
      {
        text: 'ORCID iD https://orcid.org/0000-0002-1825-0097',
        href: 'https://orcid.org/0000-0002-1825-0097',
        rel: 'me',
      },
      { text: 'Google Scholar', href: 'https://scholar.google.com/citations?user=AbCdEfGhIjKl', rel: 'me' },
      { text: 'GitHub', href: 'https://github.com/ada-okafor', rel: 'me' },
      { text: 'Semantic Scholar', href: 'https://www.semanticscholar.org/author/1234567', rel: undefined },
      { text: 'DBLP', href: 'https://dblp.org/pid/123/4567', rel: undefined },
      { text: 'Bluesky', href: 'https://bsky.app/profile/ada.bsky.social', rel: 'me' },
      { text: 'Mastodon', href: 'https://sigmoid.social/@ada', rel: 'me' },
      { text: 'X', href: 'https://x.com/ada_okafor', rel: 'me' },
    ]);
    const orcid = byTag(header, 'a').find((link) => attr(link, 'dataKind') === 'orcid');
    expect(orcid && byClass(orcid, 'orcid-icon')).toHaveLength(1);
  });

  it('carries a JSON-LD ProfilePage whose Person has the other names, photo, lab and sameAs links', () => {
    const data = jsonLd('/authors/ada-okafor/') as { '@type': string; mainEntity: Record<string, unknown> };
    expect(data['@type']).toBe('ProfilePage');
    const person = data.mainEntity;
    expect(person).toMatchObject({
      '@type': 'Person',
      '@id': 'https://example.org/lab/authors/ada-okafor/#person',
      name: 'Ada Okafor',
      alternateName: ['A. Okafor', 'Ada N. Okafor'],
      url: 'https://example.org/lab/authors/ada-okafor/',
      jobTitle: 'Principal investigator',
      memberOf: { '@type': 'ResearchOrganization', '@id': 'https://example.org/lab/#organization' },
      knowsAbout: ['Interpretability', 'Causal abstraction', 'Evaluation'],
      email: 'mailto:ada.okafor@example.org',
    });
    expect(person.description).toMatch(/^Ada Okafor leads the lab\. She works on why language models/);
    expect(person.description).toContain('postdoc at the Example Institute.');
    expect(person.sameAs).toEqual([
      'https://ada-okafor.example.org/',
      'https://orcid.org/0000-0002-1825-0097',
      'https://scholar.google.com/citations?user=AbCdEfGhIjKl',
      'https://github.com/ada-okafor',
      'https://www.semanticscholar.org/author/1234567',
      'https://dblp.org/pid/123/4567',
      'https://bsky.app/profile/ada.bsky.social',
      'https://sigmoid.social/@ada',
      'https://x.com/ada_okafor',
    ]);
    // The photo is a real file of the built site, at the absolute URL the page gives.
    const image = String(person.image);
    expect(image).toMatch(/^https:\/\/example\.org\/lab\/_astro\/.+\.jpg$/);
    expect(statSync(target('/authors/ada-okafor/', new URL(image).pathname)).size).toBeGreaterThan(0);
    const ogImage = findAll(ada, (element) => attr(element, 'property') === 'og:image')[0];
    expect(attr(ogImage, 'content')).toBe(image);
  });

  it('says an alumnus is a former member, in the page and in JSON-LD', () => {
    expect(text(byClass(page('/authors/tomas-ferreira/'), 'kicker')[0])).toBe('Former lab member');
    const data = jsonLd('/authors/tomas-ferreira/') as { mainEntity: Record<string, unknown> };
    expect(data.mainEntity.alumniOf).toMatchObject({ '@id': 'https://example.org/lab/#organization' });
    expect(data.mainEntity.memberOf).toBeUndefined();
  });

  it('gives an author who is not a member no profile and no Person JSON-LD', () => {
    const lena = page('/authors/lena-fischer/');
    expect(byClass(lena, 'profile')).toHaveLength(0);
    expect(jsonLd('/authors/lena-fischer/')).toBeUndefined();
    expect(text(byClass(lena, 'kicker')[0])).toBe('Author');
  });
});

describe('a second spelling joins the same page', () => {
  it('lists papers written as "J. Müller-Brandt" and "Ada N. Okafor" on the members’ one page', () => {
    const titles = (slug: string) =>
      byClass(page(`/authors/${slug}/`), 'paper-row-title').map((title) =>
        linkSlug(attr(byTag(title, 'a')[0], 'href') ?? ''),
      );
    expect(titles('jonas-mueller-brandt').sort()).toEqual(['evaluation-report-2023', 'shortcut-features-in-nli']);
    expect(titles('ada-okafor')).toContain('interpretability-handbook-chapter');
    for (const other of ['j-muller-brandt', 'j-mueller-brandt', 'ada-n-okafor', 'a-okafor']) {
      expect(() => statSync(file(`/authors/${other}/`)), other).toThrow();
    }
  });

  it('shows the member’s own name on the paper, highlighted, and keeps the paper’s spelling in its citation', () => {
    const paper = page('/papers/shortcut-features-in-nli/');
    const first = byClass(byClass(paper, 'paper-authors')[0], 'author')[0];
    expect(text(first)).toBe('Jonas Müller-Brandt');
    expect(linkSlug(attr(first, 'href') ?? '')).toBe('jonas-mueller-brandt');
    expect(attr(first, 'className')).toContain('lab-member');
    const citation = findAll(paper, (element) => attr(element, 'name') === 'citation_author').map((meta) =>
      attr(meta, 'content'),
    );
    expect(citation).toEqual(['J. Müller-Brandt', 'Ada Okafor']);
  });
});

describe('the lab on the home page', () => {
  it('carries a JSON-LD ResearchOrganization listing current members and alumni with their profiles', () => {
    const data = jsonLd('/') as { member: { name: string; url: string }[]; alumni: { name: string }[] };
    expect(data).toMatchObject({ '@type': 'ResearchOrganization', '@id': 'https://example.org/lab/#organization' });
    expect(data.member.map((person) => person.name).sort()).toEqual([
      'Ada Okafor',
      'Dmitri Volkov',
      'Ethan Brooks',
      'Grace Liu',
      'Hana Novak',
      'Jonas Müller-Brandt',
      'Kwame Mensah',
      'Lucía Gómez',
      'Noor Haddad',
      'Omar Said',
      'Priya Raman',
      'Sam Rivera',
    ]);
    expect(data.member[0]).toMatchObject({
      '@type': 'Person',
      url: expect.stringMatching(/\/lab\/authors\/[a-z-]+\/$/),
    });
    expect(data.alumni.map((person) => person.name).sort()).toEqual(['Mei Chen', 'Tomás Ferreira']);
  });

  it('lists the current members with their paper counts and links to /people/', () => {
    const side = findAll(page('/'), (element) => attr(element, 'ariaLabelledBy') === 'lab-heading')[0];
    expect(byTag(side, 'li').map(text)).toEqual([
      'Ada Okafor 5 papers',
      'Jonas Müller-Brandt 2 papers',
      'Kwame Mensah 0 papers',
      'Lucía Gómez 0 papers',
      'Sam Rivera 3 papers',
      'Dmitri Volkov 0 papers',
      'Priya Raman 0 papers',
      'Ethan Brooks 0 papers',
      'Hana Novak 0 papers',
      'Grace Liu 0 papers',
      'Omar Said 0 papers',
      'Noor Haddad 1 paper',
    ]);
    expect(byTag(side, 'a').map(text)).toContain('People of the lab →');
  });
});

describe('photos', () => {
  const images = (sitePath: string) => {
    const tree = page(sitePath);
    return {
      pictures: byTag(tree, 'picture'),
      urls: [
        ...byTag(tree, 'img').map((img) => attr(img, 'src') ?? ''),
        ...findAll(tree, (element) => attr(element, 'srcSet') !== undefined).flatMap((element) =>
          (attr(element, 'srcSet') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0]),
        ),
      ],
    };
  };

  it('start from a 12-megapixel camera JPEG of over 4 MB', () => {
    expect(statSync(lab.photo).size).toBeGreaterThan(4_000_000);
  });

  it('are offered as AVIF and WebP at 1x and 2x with a JPEG fallback, explicit width and height, every file ≤ 40 KB', async () => {
    for (const [sitePath, pixels] of [
      ['/authors/ada-okafor/', 160],
      ['/people/', 80],
    ] as const) {
      const { pictures, urls } = images(sitePath);
      expect(pictures.length, sitePath).toBeGreaterThan(0);
      const picture = pictures[0];
      expect(byTag(picture, 'source').map((source) => attr(source, 'type'))).toEqual(['image/avif', 'image/webp']);
      const img = byTag(picture, 'img')[0];
      expect([attr(img, 'width'), attr(img, 'height')]).toEqual([String(pixels), String(pixels)]);
      expect(attr(img, 'alt')).toBe('');
      expect(attr(img, 'src')).toMatch(/\.jpg$/);
      for (const source of byTag(picture, 'source')) {
        const widths = (attr(source, 'srcSet') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[1]);
        expect(widths, sitePath).toContain(`${pixels}w`);
        expect(widths, sitePath).toContain(`${pixels * 2}w`);
      }
      for (const url of urls) {
        const bytes = statSync(target(sitePath, url)).size;
        expect(bytes, url).toBeLessThanOrEqual(40_000);
        expect(bytes, url).toBeGreaterThan(0);
      }
    }
  });

  it('are square crops, upright as the camera was held, with no camera metadata (GPS, model) left in them', async () => {
    const { urls } = images('/authors/ada-okafor/');
    const source = await sharp(lab.photo).metadata();
    expect(source.orientation).toBe(6);
    expect(source.exif?.toString('latin1')).toContain('Phone Camera 12');
    expect([source.width, source.height]).toEqual([CAMERA_PHOTO.height, CAMERA_PHOTO.width]);
    for (const url of new Set(urls)) {
      const output = sharp(readFileSync(target('/authors/ada-okafor/', url)));
      const meta = await output.metadata();
      expect(meta.width, url).toBe(meta.height);
      expect(meta.exif, url).toBeUndefined();
      expect(meta.orientation ?? 1, url).toBe(1);
      // Upright: the red shirt is along the bottom edge, not down one side.
      const { data, info } = await output.clone().removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
      ];
      const isShirt = ([r, g, b]: number[]) => r > SCENE.shirt[0] * 0.6 && r > g * 2 && r > b * 2;
      const last = info.width - 1;
      expect(isShirt(pixel(info.width >> 1, last)), url).toBe(true);
      expect(isShirt(pixel(0, info.width >> 1)) || isShirt(pixel(last, info.width >> 1)), url).toBe(false);
    }
  });
});

/** The papers a publication list shows: slug, kind and the author slugs of each row. */
function publicationRows(sitePath: string) {
  return byClass(page(sitePath), 'publication').map((row) => ({
    slug: linkSlug(attr(byTag(byClass(row, 'paper-row-title')[0], 'a')[0], 'href') ?? ''),
    kind: attr(row, 'dataKind'),
    authors: byClass(row, 'author').map((author) => linkSlug(attr(author, 'href') ?? '')),
    badge: byClass(row, 'venue-badge').map(text).join(),
    venue: byClass(row, 'publication-venue').flatMap((line) => byTag(line, 'cite').map(text))[0],
    links: byClass(row, 'publication-links').flatMap((list) => byTag(list, 'a').map(spokenText)),
  }));
}

describe('selected papers on the home page', () => {
  const home = page('/');

  it('come above the latest papers, in the lab’s order: numbered first, then the ones marked true newest first', () => {
    const headings = byTag(home, 'h2').map(text);
    expect(headings.indexOf('Selected papers')).toBeGreaterThan(-1);
    expect(headings.indexOf('Selected papers')).toBeLessThan(headings.indexOf('Latest papers'));
    const selected = findAll(home, (element) => attr(element, 'ariaLabelledBy') === 'selected-heading')[0];
    const slugs = byClass(selected, 'paper-row-title').map((title) =>
      linkSlug(attr(byTag(title, 'a')[0], 'href') ?? ''),
    );
    expect(slugs).toEqual([
      'shortcut-features-in-nli',
      'causal-probes-for-factual-recall',
      'multilingual-evaluation-at-scale',
      'interpretability-handbook-chapter',
    ]);
  });

  it('show the venue badge, the award and the paper’s links', () => {
    const selected = findAll(home, (element) => attr(element, 'ariaLabelledBy') === 'selected-heading')[0];
    const first = byClass(selected, 'publication')[0];
    expect(text(byClass(first, 'venue-badge')[0])).toBe('NeurIPS');
    expect(text(byClass(first, 'award')[0])).toBe('Spotlight');
    expect(byTag(byClass(first, 'publication-links')[0], 'a').map(spokenText)).toEqual([
      'PDF: Shortcut Features Survive Fine-Tuning in Natural Language Inference',
      'Video: Shortcut Features Survive Fine-Tuning in Natural Language Inference',
      'Poster: Shortcut Features Survive Fine-Tuning in Natural Language Inference',
    ]);
  });
});

describe('/publications/', () => {
  const all = publicationRows('/publications/');

  it('lists every paper with a lab member among its authors, and no other, by year', () => {
    expect(all.map((row) => row.slug).sort()).toEqual([
      'attention-as-routing',
      'causal-probes-for-factual-recall',
      'evaluation-report-2023',
      'interpretability-handbook-chapter',
      'method-for-editing-model-knowledge',
      'multilingual-evaluation-at-scale',
      'robot-grasping-from-language',
      'shortcut-features-in-nli',
    ]);
    expect(byClass(page('/publications/'), 'year-heading').map(text)).toEqual(['2025', '2024', '2023', '2022', '2021']);
  });

  it('derives each paper’s type from its BibTeX type and venue', () => {
    expect(Object.fromEntries(all.map((row) => [row.slug, row.kind]))).toEqual({
      'causal-probes-for-factual-recall': 'journal',
      'multilingual-evaluation-at-scale': 'preprint',
      'shortcut-features-in-nli': 'conference',
      'evaluation-report-2023': 'report',
      'method-for-editing-model-knowledge': 'patent',
      'attention-as-routing': 'thesis',
      'robot-grasping-from-language': 'conference',
      'interpretability-handbook-chapter': 'book',
    });
  });

  it('shows venue badges and each paper’s PDF, Code, Slides, Video and Poster links, named for the paper', () => {
    const causal = all.find((row) => row.slug === 'causal-probes-for-factual-recall');
    expect(causal?.badge).toBe('TACL');
    expect(causal?.links).toEqual([
      'PDF: Causal Probes for Factual Recall in Language Models',
      'Code: Causal Probes for Factual Recall in Language Models',
      'Slides: Causal Probes for Factual Recall in Language Models',
    ]);
    expect(all.find((row) => row.slug === 'robot-grasping-from-language')?.badge).toBe('ICRA');
  });

  it('shows each paper’s venue as its paper page does, with volume and pages', () => {
    const causal = all.find((row) => row.slug === 'causal-probes-for-factual-recall');
    expect(causal?.venue).toBe('Transactions of the Association for Computational Linguistics 13, pp. 811–830');
    for (const row of all) {
      const facts = byClass(page(`/papers/${row.slug}/`), 'facts')[0];
      expect(row.venue, row.slug).toBe(byTag(facts, 'cite').map(text)[0]);
    }
  });

  it('offers type and member filters with their counts, as links, the current one marked', () => {
    const rows = byClass(page('/publications/'), 'filter-row').map((row) => byTag(row, 'li').map(text));
    expect(rows).toEqual([
      [
        'All 8',
        'Journal articles 1',
        'Conference papers 2',
        'Preprints 1',
        'Theses 1',
        'Patents 1',
        'Books and chapters 1',
        'Reports 1',
      ],
      [
        'All 8',
        'Ada Okafor 5',
        'Jonas Müller-Brandt 2',
        'Sam Rivera 3',
        'Noor Haddad 1',
        'Tomás Ferreira 2',
        'Mei Chen 2',
      ],
    ]);
    const filters = byClass(page('/publications/'), 'publication-filters')[0];
    const current = findAll(filters, (element) => attr(element, 'ariaCurrent') === 'page').map(text);
    expect(current).toEqual(['All 8', 'All 8']);
  });

  it('leads every filter link to a page listing exactly the papers of that type and member', () => {
    const visited = new Set<string>();
    const queue = ['/publications/'];
    while (queue.length > 0) {
      const sitePath = queue.shift() as string;
      if (visited.has(sitePath)) continue;
      visited.add(sitePath);
      const [, kind, member] = /^\/publications\/(?:([a-z]+)\/)?(?:member\/([a-z-]+)\/)?$/.exec(sitePath) ?? [];
      const rows = publicationRows(sitePath);
      const expected = all.filter(
        (row) => (kind === undefined || row.kind === kind) && (member === undefined || row.authors.includes(member)),
      );
      expect(
        rows.map((row) => row.slug),
        sitePath,
      ).toEqual(expected.map((row) => row.slug));
      expect(rows.length, sitePath).toBeGreaterThan(0);
      for (const link of byTag(byClass(page(sitePath), 'publication-filters')[0], 'a')) {
        const target = path.relative(
          lab.dist,
          resolveLink(file(sitePath), attr(link, 'href') ?? '', lab.dist, lab.base)?.file ?? '',
        );
        queue.push(`/${target.replace(/index\.html$/, '')}`);
      }
      // A choice that would list nothing is text, not a link.
      for (const empty of byClass(page(sitePath), 'filter-empty')) expect(text(empty), sitePath).toMatch(/ 0$/);
    }
    // All + 7 kinds + 6 members + every non-empty pair of the two.
    expect(visited.size).toBe(29);
  });

  it('is in the main navigation of a lab’s site', () => {
    const nav = findAll(page('/'), (element) => attr(element, 'ariaLabel') === 'Main')[0];
    expect(byTag(nav, 'a').map(text)).toContain('Publications');
  });
});
