/**
 * THE loader: reads the `papers` collection once, drops drafts, normalises names, sorts
 * newest first and builds every index the site needs (authors, topics, years,
 * affiliations, previous/next, related papers). Every route, feed and export uses it, so
 * the same query and sort are never written twice.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { SITE } from '../site.config.ts';
import { SITE_FILE, type LinkKind, type PaperData } from '../schema.ts';
import { absoluteUrl } from './head.ts';
import { categoryName, type CategoryCode } from './categories.ts';
import { toCsl, type CslItem } from './csl.ts';
import { assignKeys, toBibtex, type BibtexSource } from './bibtex.ts';
import { machineDate } from '../shared/i18n/dates.ts';
import { paperDate, t } from './i18n.ts';
import { byName, NameRegistry, normaliseName, type NamedRef } from './names.ts';
import { publicationKind, type PublicationKind } from './publication-kind.ts';
import {
  configuredMemberView,
  labRoster,
  personView,
  type LabRoster,
  type PersonEntry,
  type PersonView,
} from './people.ts';
import { relatedIndexes } from './related.ts';
import { searchRecords } from './search.ts';
import { slugify } from './slug.ts';
import { affiliationPath, authorPath, paperPath, tagPath, topicPath, yearPath } from '../shared/paths.ts';
import type { SearchRecord } from '../shared/search-record.ts';
import { inlineMathHtml, plainText, plainTitle } from './text.ts';
import { attachNotes, renderNotes, type NotesInput, type NoteView } from './notes.ts';
import type { SessionRef, SessionView } from './sessions.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type { NamedRef } from './names.ts';

/** An author as shown on a paper: linked by slug, lab members highlighted. */
export interface AuthorRef extends NamedRef {
  isLabMember: boolean;
  /**
   * The name as this paper's file writes it (spaces tidied). Pages show `name`, the one
   * spelling of the person; citations and exports keep the paper's own spelling.
   */
  asWritten: string;
}

/** A topic is an arXiv category: `cs.CL` → slug `cs-cl`, name "Computation and Language". */
export interface TopicRef extends NamedRef {
  code: CategoryCode;
}

/** A keyword of the lab's own taxonomy, with its page `/tags/<slug>/`. */
export type TagRef = NamedRef;

/** A labelled link. */
export interface LinkView {
  label: string;
  /** Absolute URL (a file copied in with the papers is given its absolute site URL), for exports. */
  url: string;
  /** What the link is (PDF, code…), when the source said. */
  kind?: LinkKind;
  /** What a page links to: the site path of a file copied in with the papers (pass it to `url()`), else `url`. */
  href: string;
  /** True for a file of the site (`href` is a site path). */
  internal: boolean;
}

/** The label each link kind is shown with; a link without a kind keeps its own label. */
export const LINK_KIND_LABELS: Record<LinkKind, string> = t.links;

/** The bibliographic fields of the frontmatter, as written there (see src/schema.ts). */
export type BibliographicFields = Pick<
  PaperData,
  | 'volume'
  | 'issue'
  | 'pages'
  | 'publisher'
  | 'address'
  | 'editors'
  | 'series'
  | 'edition'
  | 'isbn'
  | 'issn'
  | 'school'
  | 'institution'
  | 'organization'
  | 'howpublished'
  | 'note'
  | 'eprint'
  | 'archivePrefix'
  | 'primaryClass'
  | 'url'
>;

/** al-folio's own fields of the frontmatter (see src/schema.ts). */
export type AlFolioFields = Pick<
  PaperData,
  'selected' | 'abbr' | 'preview' | 'bibtexShow' | 'award' | 'additionalInfo'
>;

/** Every key of `BibliographicFields` and `AlFolioFields`, copied as they are onto the view. */
const PASSED_THROUGH = [
  'volume',
  'issue',
  'pages',
  'publisher',
  'address',
  'editors',
  'series',
  'edition',
  'isbn',
  'issn',
  'school',
  'institution',
  'organization',
  'howpublished',
  'note',
  'eprint',
  'archivePrefix',
  'primaryClass',
  'url',
  'selected',
  'abbr',
  'preview',
  'bibtexShow',
  'award',
  'additionalInfo',
] as const satisfies readonly (keyof BibliographicFields | keyof AlFolioFields)[];

/** Everything a page, feed or export shows of one paper, computed once at load. */
export interface PaperView extends BibliographicFields, AlFolioFields {
  /** Content id, the URL segment of `/papers/<slug>/`. */
  slug: string;
  /** Site path of the paper page, e.g. `/papers/<slug>/` (pass it to `url()`). */
  path: string;
  /** Title as written (typographic Unicode; `$…$` math as TeX). */
  title: string;
  /** Title as HTML with math rendered by KaTeX. */
  titleHtml: string;
  /** Title as plain text (math as bare TeX), for `<title>`, feeds and citations. */
  titleText: string;
  authors: AuthorRef[];
  /** The source listed only the first authors ("et al."). */
  authorsTruncated: boolean;
  /** `YYYY-MM-DD`; undefined for an undated paper. */
  date?: string;
  datePrecision: 'day' | 'month' | 'year';
  /** The date as far as known, for `<time datetime>` (`2023`, `2023-03` or `2023-03-05`); undefined when undated. */
  dateMachine?: string;
  /** "9 June 2022", "June 2022" or "2022" in the interface's language (src/lib/i18n.ts); "n.d." when undated. */
  dateLabel: string;
  /** Undefined for an undated paper, which has no year page. */
  year?: number;
  /** The paper's arXiv category; undefined when the source names none. */
  topic?: TopicRef;
  /** Journal article, conference paper, preprint… (see src/lib/publication-kind.ts). */
  kind: PublicationKind;
  affiliations: NamedRef[];
  venue?: string;
  /**
   * Where the paper appeared, as a reader cites it: venue with volume, issue and pages
   * ("Nature 612(7940), 45–52"), or a thesis's school or a report's institution.
   */
  venueLine?: string;
  hasCode: boolean;
  codeUrl?: string;
  arxivId?: string;
  arxivUrl?: string;
  doi?: string;
  doiUrl?: string;
  /** The paper's own links: its `url`, then PDF, slides… from its frontmatter, labelled by kind. */
  links: LinkView[];
  /** Searches for the paper by title on arXiv, Semantic Scholar and Google Scholar. */
  findLinks: LinkView[];
  /** Keywords, deduplicated without regard to case, each with its tag page. */
  tags: TagRef[];
  score?: number;
  /** The abstract as plain text (math as TeX), for feeds, meta tags and JSON. */
  abstractText: string;
  bibtexKey: string;
  /** The paper's BibTeX entry. */
  bibtex: string;
  /** The paper as CSL-JSON: the record its formatted references, RIS and CSL-JSON come from (src/lib/csl.ts). */
  csl: CslItem;
  /** Up to `SITE.relatedCount` papers with the most similar title and abstract, best first. */
  related: PaperView[];
  /** The next older paper in date order. */
  older?: PaperView;
  /** The next newer paper in date order. */
  newer?: PaperView;
  /** What search knows of the paper: the one record both search indexes are written from. */
  search: SearchRecord;
  /** Reading notes about the paper, newest first (content/notes/, src/lib/notes.ts). */
  notes: NoteView[];
  /** Reading-group sessions that discuss the paper, oldest first. */
  sessions: SessionRef[];
  /** The collection entry, for `render()` of the abstract. */
  entry: PaperEntry;
}

/** A group of papers with its own page (an author, topic, year or affiliation). */
export interface PaperGroup extends NamedRef {
  /** Site path of the group's first page, e.g. `/authors/<slug>/`. */
  path: string;
  /** Newest first. */
  papers: PaperView[];
}

export interface AuthorGroup extends PaperGroup {
  isLabMember: boolean;
}

export interface TopicGroup extends PaperGroup {
  code: CategoryCode;
}

export interface YearGroup extends PaperGroup {
  year: number;
}

/** Every paper and index of the site. */
export interface Catalog {
  /** Newest first; ties by title. */
  papers: PaperView[];
  bySlug: ReadonlyMap<string, PaperView>;
  /** A–Z by name. */
  authors: AuthorGroup[];
  authorsBySlug: ReadonlyMap<string, AuthorGroup>;
  /** Most papers first. */
  topics: TopicGroup[];
  /** Newest year first. */
  years: YearGroup[];
  /** A–Z by name. */
  affiliations: PaperGroup[];
  /** Every published reading note with text, newest first. */
  notes: NoteView[];
  /** Reading-group sessions named by papers and notes, oldest first. */
  sessions: SessionView[];
  /**
   * The lab's people: the `people` collection in file order, then names only in
   * `SITE.labMembers` that have papers (people.ts gives the page order).
   */
  people: PersonView[];
  /** Each person's author page group; empty `papers` for a member with no paper yet. */
  personGroups: ReadonlyMap<string, AuthorGroup>;
  /** Who counts as the lab: people entries and `SITE.labMembers`. */
  roster: LabRoster;
  /** The lab's keywords, A–Z by name, each with its page `/tags/<slug>/`. */
  tags: PaperGroup[];
}

function findLinks(title: string): LinkView[] {
  const query = encodeURIComponent(title);
  const searches = [
    { label: 'arXiv', url: `https://arxiv.org/search/?query=${query}&searchtype=title` },
    { label: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${query}` },
    { label: 'Google Scholar', url: `https://scholar.google.com/scholar?q=${query}` },
  ];
  return searches.map((link) => ({ ...link, href: link.url, internal: false }));
}

/** Newest first, undated papers after every dated one. */
/** The bibliographic and al-folio fields of a paper's frontmatter, copied as they are. */
function passedThroughOf(data: PaperData): Pick<PaperData, (typeof PASSED_THROUGH)[number]> {
  return Object.fromEntries(PASSED_THROUGH.map((field) => [field, data[field]])) as Pick<
    PaperData,
    (typeof PASSED_THROUGH)[number]
  >;
}

/** `123--145` → `123–145`: BibTeX's page ranges as a reader writes them. */
function pageRange(pages: string): string {
  return pages.replace(/\s*-{1,2}\s*/g, '–');
}

/** The venue line of a paper page (see `PaperView.venueLine`). */
export function venueLine(data: PaperData): string | undefined {
  const volume = data.volume ? ` ${data.volume}` : '';
  const issue = data.issue ? (data.volume ? `(${data.issue})` : ` no. ${data.issue}`) : '';
  const pages = data.pages ? `${/[-–,]/.test(data.pages) ? 'pp.' : 'p.'} ${pageRange(data.pages)}` : '';
  const where = data.venue ?? data.school ?? data.institution ?? data.howpublished;
  if (!where) return pages || undefined;
  return `${where}${volume}${issue}${pages ? `, ${pages}` : ''}`;
}

/** A link of the paper as pages and exports show it. */
function linkView(link: { label: string; url: string; kind?: LinkKind }): LinkView {
  const internal = SITE_FILE.test(link.url);
  return {
    label: link.kind && link.kind !== 'other' ? LINK_KIND_LABELS[link.kind] : link.label,
    url: internal ? absoluteUrl(link.url) : link.url,
    ...(link.kind ? { kind: link.kind } : {}),
    href: link.url,
    internal,
  };
}

/** The paper's `url` (when it is not its arXiv or DOI page) and its other links, each once. */
function linkViews(data: PaperData): LinkView[] {
  const own =
    data.url &&
    !/arxiv\.org\/abs\//i.test(data.url) &&
    !(data.doi && data.url.toLowerCase().endsWith(data.doi.toLowerCase()))
      ? [
          {
            label: t.links.webPage,
            url: data.url,
            kind: /\.pdf$/i.test(data.url) ? ('pdf' as const) : ('website' as const),
          },
        ]
      : [];
  const seen = new Set<string>();
  return [...own, ...data.links].filter((link) => !seen.has(link.url) && seen.add(link.url)).map(linkView);
}

function compareNewestFirst(a: PaperEntry, b: PaperEntry): number {
  if (a.data.date !== b.data.date) {
    if (a.data.date === undefined) return 1;
    if (b.data.date === undefined) return -1;
    return a.data.date < b.data.date ? 1 : -1;
  }
  return byName.compare(a.data.title, b.data.title) || (a.id < b.id ? -1 : 1);
}

/**
 * Tops up a short related list (a paper whose words no other paper shares, e.g. one with
 * no abstract) with the papers nearest in date: same topic first, then any. Walks out
 * from the paper's place in the date order, so it costs O(k) for typical sites.
 */
const FILL_REACH = 200;

function fillRelated(papers: PaperView[], index: number, k: number): void {
  const paper = papers[index];
  const chosen = new Set<PaperView>([paper, ...paper.related]);
  for (const sameTopic of [true, false]) {
    // The same-topic search looks only so far, so a rare topic cannot make this O(n).
    const reach = sameTopic ? Math.min(papers.length, FILL_REACH) : papers.length;
    for (let step = 1; paper.related.length < k && step < reach; step++) {
      for (const other of [papers[index - step], papers[index + step]]) {
        if (!other || chosen.has(other) || paper.related.length >= k) continue;
        if (sameTopic && other.topic?.code !== paper.topic?.code) continue;
        chosen.add(other);
        paper.related.push(other);
      }
    }
  }
}

/** Adds `paper` to the group keyed by `slug`, creating the group on first use. */
function addTo<G extends PaperGroup>(groups: Map<string, G>, slug: string, paper: PaperView, create: () => G): void {
  let group = groups.get(slug);
  if (!group) {
    group = create();
    groups.set(slug, group);
  }
  group.papers.push(paper);
}

/**
 * Runs `make` for one entry; an error it throws names the entry's Markdown file, so a
 * page that cannot be made points at the file to fix, not only at the route.
 */
export function inFile<T>(entry: PaperEntry, make: () => T): T {
  const named = (error: unknown): Error =>
    new Error(`${entry.filePath ?? `papers/${entry.id}`}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  try {
    const made = make();
    // A promise (a render) fails later; its error is named the same way.
    return (made instanceof Promise ? made.catch((error: unknown) => Promise.reject(named(error))) : made) as T;
  } catch (error) {
    throw named(error);
  }
}

/** The CSL-JSON item of a paper whose key is assigned. */
function cslOf(paper: PaperView): CslItem {
  return toCsl({
    ...paper,
    key: paper.bibtexKey,
    title: paper.titleText,
    authors: paper.authors.map((author) => author.asWritten),
    abstract: paper.abstractText,
    tags: paper.tags.map((tag) => tag.name),
    bibtexType: paper.entry.data.bibtexType,
  });
}

/** Builds the catalog from collection entries (exported for tests; pages use `loadCatalog`). */
export function buildCatalog(
  allEntries: readonly PaperEntry[],
  personEntries: readonly PersonEntry[] = [],
  notes?: NotesInput,
): Catalog {
  const entries = allEntries.filter((entry) => !entry.data.draft).sort(compareNewestFirst);
  const roster = labRoster(personEntries, SITE.labMembers);
  const isLabMember = (slug: string) => roster.members.has(slug);

  // Names first, so every paper shows each author under the group's one display name, and
  // a lab member's other spellings under the name they gave.
  const authorNames = new NameRegistry(roster);
  const affiliationNames = new NameRegistry();
  const authorSlugs = entries.map((entry) => entry.data.authors.map((name) => authorNames.add(name)));
  const affiliationSlugs = entries.map((entry) => entry.data.affiliations.map((name) => affiliationNames.add(name)));

  const tagNames = new NameRegistry();
  const tagSlugs = entries.map((entry) => [...new Set(entry.data.tags.map((tag) => tagNames.add(tag)))]);

  const sources: BibtexSource[] = [];
  const papers: PaperView[] = entries.map((entry, i) => inFile(entry, () => paperView(entry, i)));
  function paperView(entry: PaperEntry, i: number): PaperView {
    const data = entry.data;
    const arxivUrl = data.arxivId ? `https://arxiv.org/abs/${data.arxivId}` : undefined;
    const doiUrl = data.doi ? `https://doi.org/${data.doi}` : undefined;
    const titleText = plainTitle(data.title);
    const source: BibtexSource = {
      ...passedThroughOf(data),
      title: data.title,
      authors: data.authors.map(normaliseName),
      authorsTruncated: data.authorsTruncated,
      date: data.date,
      datePrecision: data.datePrecision,
      category: data.category,
      venue: data.venue,
      arxivId: data.arxivId,
      doi: data.doi,
      // A .bib entry gives its own url back; a listing's paper points at its arXiv page or DOI.
      url: data.url ?? (data.bibtexType === undefined ? (arxivUrl ?? doiUrl ?? data.links[0]?.url) : undefined),
      bibtexKey: data.bibtexKey,
      bibtexType: data.bibtexType,
      tags: data.tags,
      codeUrl: data.codeUrl,
      links: data.links.map((link) => linkView(link)),
    };
    sources.push(source);
    return {
      ...passedThroughOf(data),
      slug: entry.id,
      path: paperPath(entry.id),
      title: data.title,
      titleHtml: inlineMathHtml(data.title),
      titleText,
      authors: authorSlugs[i].map((slug, j) => ({
        slug,
        name: authorNames.nameOf(slug),
        isLabMember: isLabMember(slug),
        asWritten: normaliseName(data.authors[j]),
      })),
      authorsTruncated: data.authorsTruncated,
      date: data.date,
      datePrecision: data.datePrecision,
      dateMachine: data.date === undefined ? undefined : machineDate(data.date, data.datePrecision),
      dateLabel: paperDate(data.date, data.datePrecision),
      year: data.date === undefined ? undefined : Number(data.date.slice(0, 4)),
      topic: data.category && { code: data.category, slug: slugify(data.category), name: categoryName(data.category) },
      kind: publicationKind(data),
      affiliations: affiliationSlugs[i].map((slug) => ({
        slug,
        name: SITE.affiliationNames[slug] ?? affiliationNames.nameOf(slug),
      })),
      venue: data.venue,
      venueLine: venueLine(data),
      hasCode: data.hasCode || data.codeUrl !== undefined,
      codeUrl: data.codeUrl,
      arxivId: data.arxivId,
      arxivUrl,
      doi: data.doi,
      doiUrl,
      links: linkViews(data),
      findLinks: findLinks(titleText),
      tags: tagSlugs[i].map((slug) => tagNames.ref(slug)),
      score: data.score,
      abstractText: plainText(entry.body ?? ''),
      bibtexKey: '',
      bibtex: '',
      csl: { id: '', type: '', title: '' },
      related: [],
      // Set below, once the order of all papers is known.
      search: undefined as unknown as SearchRecord,
      notes: [],
      sessions: [],
      entry,
    };
  }

  const keys = assignKeys(sources);
  papers.forEach((paper, i) => {
    paper.bibtexKey = keys[i];
    paper.bibtex = toBibtex(sources[i], keys[i]);
    paper.csl = inFile(paper.entry, () => cslOf(paper));
    paper.newer = papers[i - 1];
    paper.older = papers[i + 1];
  });

  const related = relatedIndexes(
    papers.map((paper) => ({ title: paper.titleText, text: paper.abstractText })),
    SITE.relatedCount,
  );
  papers.forEach((paper, i) => {
    paper.related = related[i].map((j) => papers[j]);
    if (paper.related.length < SITE.relatedCount) fillRelated(papers, i, SITE.relatedCount);
  });

  const authors = new Map<string, AuthorGroup>();
  const topics = new Map<string, TopicGroup>();
  const years = new Map<string, YearGroup>();
  const affiliations = new Map<string, PaperGroup>();
  const tags = new Map<string, PaperGroup>();
  for (const paper of papers) {
    for (const tag of paper.tags) addTo(tags, tag.slug, paper, () => ({ ...tag, path: tagPath(tag.slug), papers: [] }));
    // A name listed twice on one paper (a listing typo) must not list the paper twice.
    for (const author of new Map(paper.authors.map((a) => [a.slug, a])).values()) {
      addTo(authors, author.slug, paper, () => ({
        slug: author.slug,
        name: author.name,
        isLabMember: author.isLabMember,
        path: authorPath(author.slug),
        papers: [],
      }));
    }
    const topic = paper.topic;
    if (topic) addTo(topics, topic.slug, paper, () => ({ ...topic, path: topicPath(topic.slug), papers: [] }));
    const year = paper.year;
    if (year !== undefined) {
      addTo(years, String(year), paper, () => ({
        slug: String(year),
        name: String(year),
        year,
        path: yearPath(year),
        papers: [],
      }));
    }
    for (const affiliation of new Map(paper.affiliations.map((a) => [a.slug, a])).values()) {
      addTo(affiliations, affiliation.slug, paper, () => ({
        ...affiliation,
        path: affiliationPath(affiliation.slug),
        papers: [],
      }));
    }
  }

  const aToZ = (a: NamedRef, b: NamedRef) => byName.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1);
  const authorList = [...authors.values()].sort(aToZ);
  // Names only in SITE.labMembers join /people/ when they have papers here, under the name
  // their author page shows (the config may spell it without its accents).
  const configuredOnly = [...new Set(SITE.labMembers.map((name) => slugify(name)))]
    .filter((slug) => !roster.preferredName.has(roster.aliasOf.get(slug) ?? slug))
    .flatMap((slug) => {
      const author = authors.get(slug);
      return author ? [configuredMemberView(author.name)] : [];
    });
  const people = [...personEntries.map(personView), ...configuredOnly];
  for (const person of people) person.paperCount = authors.get(person.slug)?.papers.length ?? 0;
  const personGroups = new Map(
    people.map((person) => [
      person.slug,
      authors.get(person.slug) ?? {
        slug: person.slug,
        name: person.name,
        isLabMember: true,
        path: person.path,
        papers: [],
      },
    ]),
  );
  const catalog: Catalog = {
    papers,
    bySlug: new Map(papers.map((paper) => [paper.slug, paper])),
    authors: authorList,
    authorsBySlug: authors,
    topics: [...topics.values()].sort((a, b) => b.papers.length - a.papers.length || aToZ(a, b)),
    years: [...years.values()].sort((a, b) => b.year - a.year),
    affiliations: [...affiliations.values()].sort(aToZ),
    people,
    personGroups,
    roster,
    tags: [...tags.values()].sort(aToZ),
    notes: [],
    sessions: [],
  };
  if (notes) {
    const allPaperIds = new Set(allEntries.map((entry) => entry.id));
    attachNotes(catalog, notes, { allPaperIds, isLabMember, aliasOf: roster.aliasOf });
  }
  // Last, so each record has everything search knows of its paper, its notes included.
  searchRecords(papers).forEach((record, i) => (papers[i].search = record));
  return catalog;
}

let catalog: Promise<Catalog> | undefined;

/** The site's catalog with its notes and sessions, loaded on first use and shared by every page of the build. */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= Promise.all([getCollection('papers'), getCollection('people'), getCollection('notes')]).then(
    async ([papers, people, notes]) =>
      buildCatalog(papers, people, { entries: notes, rendered: await renderNotes(notes) }),
  );
  return catalog;
}
