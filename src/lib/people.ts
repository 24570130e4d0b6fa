/**
 * The lab: who its members are (the `people` collection, plus any names still listed in
 * `SITE.labMembers`), which spellings on papers are theirs, and what /people/ and the
 * profiles on author pages show. The paper loader (papers.ts) asks the roster which author
 * slugs are members and which spellings join one page; it builds the views here once.
 */
import type { ImageMetadata } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { initials, avatarHue } from './avatar.ts';
import { byName, normaliseName, type NamedRef } from './names.ts';
import { profileLinks, type ProfileLink } from './profiles.ts';
import { nameSlug, slugify } from './slug.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Nodes as MdastNode } from 'mdast';
import { countText, fillMessage, t, yearRangeText, yearText } from './i18n.ts';

export type PersonEntry = CollectionEntry<'people'>;

/** The part of a person entry the roster reads (tests pass plain objects). */
export interface RosterSource {
  id: string;
  filePath?: string;
  data: { name: string; otherNames: readonly string[] };
}

/**
 * A role group of /people/, in page order. A role written any of the `spellings` ways
 * (case and punctuation ignored) joins the group; the person's own wording is still
 * what their profile shows.
 */
const ROLE_GROUPS = [
  {
    key: 'principal-investigators',
    heading: t.people.principalInvestigators,
    label: 'Principal investigator',
    spellings: ['principal investigator', 'pi', 'co-pi', 'lab director', 'group leader'],
  },
  {
    key: 'postdocs',
    heading: t.people.postdocs,
    label: 'Postdoc',
    spellings: ['postdoc', 'post-doc', 'postdoctoral researcher', 'postdoctoral fellow', 'postdoctoral scholar'],
  },
  {
    key: 'phd-students',
    heading: t.people.phdStudents,
    label: 'PhD student',
    spellings: [
      'phd student',
      'ph.d. student',
      'phd candidate',
      'ph.d. candidate',
      'doctoral student',
      'dphil student',
    ],
  },
  {
    key: 'masters-students',
    heading: t.people.mastersStudents,
    label: 'Master’s student',
    spellings: ["master's student", 'master’s student', 'masters student', 'msc student', 'ms student', 'ma student'],
  },
  {
    key: 'undergraduates',
    heading: t.people.undergraduates,
    label: 'Undergraduate',
    spellings: ['undergraduate', 'undergraduate student', 'undergrad', 'bsc student', 'undergraduate researcher'],
  },
  {
    key: 'staff',
    heading: t.people.staff,
    label: 'Staff',
    spellings: ['staff', 'research staff', 'lab manager', 'research engineer'],
  },
] as const;

const roleKey = (role: string) => role.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();

const KNOWN_ROLES = new Map<string, (typeof ROLE_GROUPS)[number]>(
  ROLE_GROUPS.flatMap((group) => group.spellings.map((spelling) => [roleKey(spelling), group] as const)),
);

/** A group of /people/: its id, heading and place (known roles first, in the order above). */
export interface RoleGroup {
  key: string;
  heading: string;
  rank: number;
  /** True when the role says no more than the heading ("PhD student" under "PhD students"). */
  sameAsHeading: boolean;
}

/** The /people/ group of a role as written: a known group, or the free text as its own group. */
export function roleGroup(role: string): RoleGroup {
  const known = KNOWN_ROLES.get(roleKey(role));
  if (known) {
    return {
      key: known.key,
      heading: known.heading,
      rank: ROLE_GROUPS.indexOf(known),
      sameAsHeading: roleKey(role) === roleKey(known.label),
    };
  }
  return { key: slugify(role) || 'other', heading: normaliseName(role), rank: ROLE_GROUPS.length, sameAsHeading: true };
}

/** Lab members named only in `SITE.labMembers`, without a people entry. */
const CONFIGURED_MEMBER_ROLE = t.people.labMember;

/**
 * Which author slugs belong to the lab and under which name: every spelling of a person
 * (name and other names) leads to the slug of their `name`.
 */
export interface LabRoster {
  /** Slug of a spelling → slug of the person's page (only spellings that differ). */
  aliasOf: ReadonlyMap<string, string>;
  /** Slug of a person's page → the name the person gave. */
  preferredName: ReadonlyMap<string, string>;
  /** Slugs of every lab member: people entries (current and alumni) and `SITE.labMembers`. */
  members: ReadonlySet<string>;
}

/** A spelling that belongs to two people fails the build here. */
export function labRoster(people: readonly RosterSource[], configuredMembers: readonly string[] = []): LabRoster {
  const aliasOf = new Map<string, string>();
  const preferredName = new Map<string, string>();
  const claimedBy = new Map<string, string>();
  const where = (person: RosterSource) => person.filePath ?? person.id;
  for (const person of people) {
    const name = normaliseName(person.data.name);
    const slug = nameSlug(name);
    for (const spelling of [name, ...person.data.otherNames.map(normaliseName)]) {
      // Never empty: a name in any script has a slug (src/lib/slug.ts).
      const spellingSlug = nameSlug(spelling);
      const owner = claimedBy.get(spellingSlug);
      if (owner !== undefined && owner !== where(person)) {
        throw new Error(
          `${where(person)}: "${spelling}" is also a name of ${owner}; a spelling can belong to one person`,
        );
      }
      claimedBy.set(spellingSlug, where(person));
      if (spellingSlug !== slug) aliasOf.set(spellingSlug, slug);
    }
    preferredName.set(slug, name);
  }
  const members = new Set(preferredName.keys());
  for (const name of configuredMembers) {
    const slug = nameSlug(name);
    members.add(aliasOf.get(slug) ?? slug);
  }
  return { aliasOf, preferredName, members };
}

/** A lab member as /people/ and their profile show them. */
export interface PersonView extends NamedRef {
  /** Site path of the member's author page, where the profile is. */
  path: string;
  /** The role as the person wrote it: "PhD candidate". */
  role: string;
  /** The /people/ group the role belongs to. */
  group: RoleGroup;
  alumni: boolean;
  joined?: number;
  left?: number;
  /** "2019–2023", "since 2021", "until 2020", or undefined when no year is given. */
  years?: string;
  nowAt?: string;
  pronouns?: string;
  interests: string[];
  links: ProfileLink[];
  photo?: ImageMetadata;
  /** Letters of the generated avatar shown when there is no photo. */
  initials: string;
  /** Hue (0–359) of the generated avatar, stable for a person. */
  hue: number;
  /** The bio as plain text, for the meta description and JSON-LD. */
  bioText: string;
  order?: number;
  /** Other spellings of the name, for JSON-LD `alternateName`. */
  otherNames: string[];
  /** Papers on this site with the person among the authors (set by the loader). */
  paperCount: number;
  /** The collection entry, for `render()` of the bio; none for a name only in `SITE.labMembers`. */
  entry?: PersonEntry;
}

/**
 * A bio as plain text for the meta description and JSON-LD: people write full Markdown
 * (links, lists, emphasis), so it is parsed, not stripped with patterns; blocks are
 * joined by a space.
 */
export function bioText(markdown: string): string {
  const blocks: string[] = [];
  const visit = (node: MdastNode) => {
    if (TEXT_BLOCKS.has(node.type)) blocks.push(toString(node));
    else if ('children' in node) node.children.forEach(visit);
  };
  visit(fromMarkdown(markdown));
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

/** Markdown blocks whose text is read whole; containers (lists, quotes) are walked into. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'code', 'tableCell']);

function yearsLabel(joined: number | undefined, left: number | undefined, alumni: boolean): string | undefined {
  if (joined !== undefined && left !== undefined) return yearRangeText(joined, left);
  if (joined !== undefined) return fillMessage(alumni ? t.people.from : t.people.since, { year: yearText(joined) });
  if (left !== undefined) return fillMessage(t.people.until, { year: yearText(left) });
  return undefined;
}

/** The view of one person entry; `slug` is the slug of their name. */
export function personView(entry: PersonEntry): PersonView {
  const data = entry.data;
  const name = normaliseName(data.name);
  const slug = nameSlug(name);
  const alumni = data.alumni || data.left !== undefined;
  return {
    slug,
    name,
    path: `/authors/${slug}/`,
    role: normaliseName(data.role),
    group: roleGroup(data.role),
    alumni,
    joined: data.joined,
    left: data.left,
    years: yearsLabel(data.joined, data.left, alumni),
    nowAt: data.nowAt,
    pronouns: data.pronouns,
    interests: data.interests,
    links: profileLinks(data.links),
    photo: data.photo,
    initials: initials(name),
    hue: avatarHue(slug),
    bioText: bioText(entry.body ?? ''),
    order: data.order,
    otherNames: data.otherNames.map(normaliseName),
    paperCount: 0,
    entry,
  };
}

/** A lab member listed only by name in `SITE.labMembers` (the site config works without people entries). */
export function configuredMemberView(name: string): PersonView {
  const display = normaliseName(name);
  const slug = nameSlug(display);
  return {
    slug,
    name: display,
    path: `/authors/${slug}/`,
    role: CONFIGURED_MEMBER_ROLE,
    group: roleGroup(CONFIGURED_MEMBER_ROLE),
    alumni: false,
    interests: [],
    links: [],
    initials: initials(display),
    hue: avatarHue(slug),
    bioText: '',
    otherNames: [],
    paperCount: 0,
  };
}

const byOrderThenName = (a: PersonView, b: PersonView) =>
  (a.order ?? Infinity) - (b.order ?? Infinity) || byName.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1);

/** One role group of /people/. */
export interface PeopleGroup {
  /** Element id of the group's heading. */
  id: string;
  heading: string;
  people: PersonView[];
}

/**
 * /people/: current members by role (known roles in a fixed order, then other roles A–Z),
 * each group by `order` then name; alumni last, most recently left first.
 */
export function peopleGroups(people: readonly PersonView[]): { groups: PeopleGroup[]; alumni: PersonView[] } {
  const groups = new Map<string, PeopleGroup & { rank: number }>();
  for (const person of people.filter((candidate) => !candidate.alumni)) {
    let group = groups.get(person.group.key);
    if (!group) {
      group = { id: `role-${person.group.key}`, heading: person.group.heading, rank: person.group.rank, people: [] };
      groups.set(person.group.key, group);
    }
    group.people.push(person);
  }
  const sorted = [...groups.values()].sort((a, b) => a.rank - b.rank || byName.compare(a.heading, b.heading));
  for (const group of sorted) group.people.sort(byOrderThenName);
  const alumni = people
    .filter((person) => person.alumni)
    .sort((a, b) => (b.left ?? -Infinity) - (a.left ?? -Infinity) || byOrderThenName(a, b));
  return { groups: sorted.map(({ id, heading, people: members }) => ({ id, heading, people: members })), alumni };
}

/** The sentence under the /people/ heading: "The 5 members of X and 2 alumni, …". */
export function peopleSummary(current: number, alumni: number, lab: string): string {
  const members = countText(t.people.members, current);
  return alumni > 0
    ? fillMessage(t.people.summaryWithAlumni, { members, lab, alumni: countText(t.people.alumniCount, alumni) })
    : fillMessage(t.people.summary, { members, lab });
}
