/**
 * The lab's people as the data layer reads them: the schema of `content/people/*.md`, the
 * links people write in every form they use, roles grouped for /people/, spellings joined
 * to one author page, initials, and the JSON-LD a profile and the home page carry.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { personSchema } from '../../src/schema.ts';
import { isOrcidId, profileLinks, profileUrl, type ProfileKind } from '../../src/lib/profiles.ts';
import { avatarHue, initials } from '../../src/lib/avatar.ts';
import { NameRegistry } from '../../src/lib/names.ts';
import {
  bioText,
  configuredMemberView,
  labRoster,
  peopleGroups,
  peopleSummary,
  roleGroup,
  type PersonView,
} from '../../src/lib/people.ts';

/** The schema with a photo given as a plain path (the site passes Astro's `image()`). */
const schema = personSchema(z.string());
const parse = (data: object) => schema.safeParse(data);
const problems = (data: object) => {
  const result = parse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the people schema', () => {
  it('accepts a full entry and fills defaults for a minimal one', () => {
    const minimal = schema.parse({ name: 'Sam Rivera', role: 'PhD student' });
    expect(minimal).toEqual({
      name: 'Sam Rivera',
      role: 'PhD student',
      otherNames: [],
      alumni: false,
      interests: [],
      links: {},
    });
    const full = parse({
      name: 'Ada Okafor',
      otherNames: ['A. Okafor'],
      role: 'Principal investigator',
      pronouns: 'she/her',
      joined: 2015,
      photo: './ada.jpg',
      interests: ['Interpretability'],
      links: { orcid: '0000-0002-1825-0097', mastodon: '@ada@sigmoid.social' },
      order: 1,
    });
    expect(full.success).toBe(true);
  });

  it('names the field and what it expects when a link cannot be read', () => {
    expect(problems({ name: 'A', role: 'Staff', links: { orcid: '0000-0002-1825-0098' } })).toEqual([
      'links.orcid: expected an ORCID iD (0000-0002-1825-0097) or https://orcid.org/<iD>',
    ]);
    expect(problems({ name: 'A', role: 'Staff', links: { github: 'https://gitlab.com/someone' } })).toEqual([
      'links.github: expected a GitHub user name or https://github.com/<name>',
    ]);
    expect(problems({ name: 'A', role: 'Staff', links: { email: 'not an address' } })[0]).toMatch(/^links.email:/);
  });

  it('rejects a misspelt field instead of dropping it silently', () => {
    expect(problems({ name: 'A', role: 'Staff', pronoun: 'she/her' })[0]).toMatch(/pronoun/);
    expect(problems({ name: 'A', role: 'Staff', links: { twitter: '@a' } })[0]).toMatch(/twitter/);
  });

  it('rejects a leaving year before the joining year, and an empty name or role', () => {
    expect(problems({ name: 'A', role: 'Staff', joined: 2020, left: 2019 })).toEqual([
      'left: `left` is before `joined`',
    ]);
    expect(problems({ name: ' ', role: 'Staff' })[0]).toMatch(/^name:/);
    expect(problems({ name: 'A' })[0]).toMatch(/^role:/);
  });
});

describe('profile links as people write them', () => {
  const cases: [ProfileKind, string, string][] = [
    ['website', 'https://ada.example.org/', 'https://ada.example.org/'],
    ['email', 'ada@example.org', 'mailto:ada@example.org'],
    ['email', 'mailto:ada@example.org', 'mailto:ada@example.org'],
    ['orcid', '0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'],
    ['orcid', 'https://orcid.org/0000-0002-1825-0097/', 'https://orcid.org/0000-0002-1825-0097'],
    ['orcid', '0000-0001-5000-0007', 'https://orcid.org/0000-0001-5000-0007'],
    ['scholar', 'AbCdEfGhIjKl', 'https://scholar.google.com/citations?user=AbCdEfGhIjKl'],
    [
      'scholar',
      'https://scholar.google.co.uk/citations?hl=en&user=AbCdEfGhIjKl&view_op=list_works',
      'https://scholar.google.com/citations?user=AbCdEfGhIjKl',
    ],
    ['github', '@ada-okafor', 'https://github.com/ada-okafor'],
    ['github', 'https://github.com/ada-okafor?tab=repositories', 'https://github.com/ada-okafor'],
    ['semanticScholar', '1234567', 'https://www.semanticscholar.org/author/1234567'],
    [
      'semanticScholar',
      'https://www.semanticscholar.org/author/Ada-Okafor/1234567',
      'https://www.semanticscholar.org/author/Ada-Okafor/1234567',
    ],
    ['dblp', '123/4567', 'https://dblp.org/pid/123/4567'],
    ['dblp', 'https://dblp.uni-trier.de/pid/123/4567.html', 'https://dblp.org/pid/123/4567.html'],
    ['bluesky', '@Ada.bsky.social', 'https://bsky.app/profile/ada.bsky.social'],
    ['bluesky', 'https://bsky.app/profile/ada.example.org', 'https://bsky.app/profile/ada.example.org'],
    ['mastodon', '@ada@sigmoid.social', 'https://sigmoid.social/@ada'],
    ['mastodon', 'ada@Sigmoid.Social', 'https://sigmoid.social/@ada'],
    ['mastodon', 'https://hci.social/@samr', 'https://hci.social/@samr'],
    ['x', '@ada_okafor', 'https://x.com/ada_okafor'],
    ['x', 'https://twitter.com/ada_okafor', 'https://x.com/ada_okafor'],
  ];
  it.each(cases)('reads %s written as %s', (kind, written, url) => {
    expect(profileUrl(kind, written)).toBe(url);
  });

  const rejected: [ProfileKind, string][] = [
    ['website', 'ada.example.org'],
    ['website', 'javascript:alert(1)'],
    ['orcid', '0000-0002-1825-009'],
    ['scholar', 'https://example.org/citations?user=AbCdEfGhIjKl'],
    ['github', 'two words'],
    ['mastodon', '@ada'],
    ['mastodon', 'http://sigmoid.social/@ada'],
    ['bluesky', 'ada'],
    ['x', '@this_handle_is_too_long'],
  ];
  it.each(rejected)('rejects %s written as %s', (kind, written) => {
    expect(profileUrl(kind, written)).toBeUndefined();
  });

  it('checks the ORCID check digit, including X', () => {
    expect(isOrcidId('0000-0002-1825-0097')).toBe(true);
    expect(isOrcidId('0000-0002-1694-233X')).toBe(true);
    expect(isOrcidId('0000-0002-1694-2339')).toBe(false);
  });

  it('lists links in a fixed order, marks the person’s own accounts rel=me and shows ORCID as its URL', () => {
    const links = profileLinks({ x: '@ada', email: 'ada@example.org', orcid: '0000-0002-1825-0097', dblp: '1/2' });
    expect(links.map((link) => [link.kind, link.text, link.me])).toEqual([
      ['email', 'ada@example.org', false],
      ['orcid', 'https://orcid.org/0000-0002-1825-0097', true],
      ['dblp', 'DBLP', false],
      ['x', 'X', true],
    ]);
  });
});

describe('roles on /people/', () => {
  it('groups the common ways of writing a role and keeps other roles as their own group', () => {
    expect(roleGroup('PhD candidate').heading).toBe('PhD students');
    expect(roleGroup('Ph.D. Student').heading).toBe('PhD students');
    expect(roleGroup("Master's student").heading).toBe('Master’s students');
    expect(roleGroup('MSc student').heading).toBe('Master’s students');
    expect(roleGroup('Postdoctoral Fellow').heading).toBe('Postdocs');
    expect(roleGroup('PI').heading).toBe('Principal investigators');
    expect(roleGroup('Visiting  researcher')).toMatchObject({
      heading: 'Visiting researcher',
      key: 'visiting-researcher',
    });
  });

  it('says when a role only repeats its group heading', () => {
    expect(roleGroup('PhD student').sameAsHeading).toBe(true);
    expect(roleGroup('PhD candidate').sameAsHeading).toBe(false);
  });

  const person = (name: string, role: string, extra: Partial<PersonView> = {}): PersonView => ({
    ...configuredMemberView(name),
    role,
    group: roleGroup(role),
    ...extra,
  });

  it('orders groups PI, postdocs, PhD, master’s, undergraduates, staff, then other roles A–Z; alumni last, latest first', () => {
    const { groups, alumni } = peopleGroups([
      person('Zed Staff', 'Staff'),
      person('Una Grad', 'Undergraduate'),
      person('Vic Visitor', 'Visiting researcher'),
      person('Ann Affiliate', 'Affiliated faculty'),
      person('Bea Student', 'PhD student'),
      person('Al Student', 'PhD candidate'),
      person('Pat Lead', 'Principal investigator'),
      person('Old One', 'PhD student', { alumni: true, left: 2019 }),
      person('Old Two', 'Postdoc', { alumni: true, left: 2023 }),
      person('Old Three', 'Postdoc', { alumni: true }),
    ]);
    expect(groups.map((group) => [group.heading, group.people.map((p) => p.name)])).toEqual([
      ['Principal investigators', ['Pat Lead']],
      ['PhD students', ['Al Student', 'Bea Student']],
      ['Undergraduates', ['Una Grad']],
      ['Staff', ['Zed Staff']],
      ['Affiliated faculty', ['Ann Affiliate']],
      ['Visiting researcher', ['Vic Visitor']],
    ]);
    expect(alumni.map((p) => p.name)).toEqual(['Old Two', 'Old One', 'Old Three']);
  });

  it('puts people with an `order` first in their group', () => {
    const { groups } = peopleGroups([
      person('Amy First', 'PhD student'),
      person('Zoe Senior', 'PhD student', { order: 1 }),
    ]);
    expect(groups[0].people.map((p) => p.name)).toEqual(['Zoe Senior', 'Amy First']);
  });

  it('describes the page by its members and alumni', () => {
    expect(peopleSummary(5, 2, 'The Lab')).toBe(
      'The 5 members of The Lab and 2 alumni, with their roles, interests and papers.',
    );
    expect(peopleSummary(1, 0, 'The Lab')).toBe('The 1 member of The Lab, with their roles, interests and papers.');
  });
});

describe('one person, one author page, whatever the spelling', () => {
  const people = [
    {
      id: 'ada',
      filePath: 'content/people/ada.md',
      data: { name: 'Ada Okafor', otherNames: ['A. Okafor', 'Ada N. Okafor'] },
    },
    { id: 'jonas', filePath: 'content/people/jonas.md', data: { name: 'Jonas Müller-Brandt', otherNames: [] } },
  ];

  it('sends every spelling of a member to the page of the name they gave, shown in their spelling', () => {
    const roster = labRoster(people, ['Yonatan Belinkov']);
    const names = new NameRegistry(roster);
    const slugs = ['A. Okafor', 'Ada Okafor', 'ada n. okafor', 'Ada  Okafor'].map((name) => names.add(name));
    expect(new Set(slugs)).toEqual(new Set(['ada-okafor']));
    expect(names.nameOf('ada-okafor')).toBe('Ada Okafor');
    // Diacritics join without an alias; the person's own spelling is shown.
    expect(names.add('Jonas Mueller-Brandt')).toBe('jonas-mueller-brandt');
    expect(names.nameOf('jonas-mueller-brandt')).toBe('Jonas Müller-Brandt');
  });

  it('counts people entries and configured names as the lab, and nobody else', () => {
    const roster = labRoster(people, ['Yonatan Belinkov', 'A. Okafor']);
    expect([...roster.members].sort()).toEqual(['ada-okafor', 'jonas-mueller-brandt', 'yonatan-belinkov']);
  });

  it('fails naming both files when two people claim one spelling', () => {
    const clash = [
      ...people,
      { id: 'other', filePath: 'content/people/other.md', data: { name: 'A. Okafor', otherNames: [] } },
    ];
    expect(() => labRoster(clash)).toThrow(
      'content/people/other.md: "A. Okafor" is also a name of content/people/ada.md; a spelling can belong to one person',
    );
  });

  it('gives a person named in any script, or in symbols only, a page of their own', () => {
    const roster = labRoster([
      { id: 'x', filePath: 'content/people/x.md', data: { name: '王小明', otherNames: ['Xiaoming Wang'] } },
      { id: 'y', filePath: 'content/people/y.md', data: { name: '???', otherNames: [] } },
    ]);
    const slugs = [...roster.members];
    expect(slugs).toHaveLength(2);
    expect(slugs[0]).toMatch(/^wang-xiao-ming-[0-9a-f]{6}$/);
    expect(slugs[1]).toMatch(/^n-[0-9a-f]{6}$/);
    expect(roster.aliasOf.get('xiaoming-wang')).toBe(slugs[0]);
  });
});

describe('initials avatars', () => {
  it.each([
    ['Fernanda Viégas', 'FV'],
    ['Ana María de la Cruz', 'AC'],
    ['Johannes van der Waals', 'JW'],
    ['Martin Luther King Jr.', 'MK'],
    ['bell hooks', 'BH'],
    ['Madonna', 'M'],
    ['王小明', '王'],
    ['Zvi N. Badash', 'ZB'],
    ['Émile Zola', 'ÉZ'],
  ])('draws %s as %s', (name, letters) => {
    expect(initials(name)).toBe(letters);
  });

  it('gives each person a stable hue', () => {
    expect(avatarHue('ada-okafor')).toBe(avatarHue('ada-okafor'));
    expect(avatarHue('ada-okafor')).not.toBe(avatarHue('sam-rivera'));
    expect(avatarHue('ada-okafor')).toBeGreaterThanOrEqual(0);
    expect(avatarHue('ada-okafor')).toBeLessThan(360);
  });
});

describe('bios as plain text', () => {
  it('keeps the words of links, emphasis and lists and drops the Markdown', () => {
    expect(bioText('Ada *leads* the [lab](https://x.example).\n\n- one\n- two\n\nLast `code`.')).toBe(
      'Ada leads the lab. one two Last code.',
    );
  });
});
