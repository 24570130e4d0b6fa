/**
 * The lab's publications: its papers (those with at least one lab member among the
 * authors), the pages that filter them by publication kind and by member (plain links
 * between static pages, so filtering needs no JavaScript), each paper's links in a fixed
 * order, and the selected papers of the home page in the order the lab gives.
 */
import type { PaginateFunction } from 'astro';
import { SITE } from '../site.config.ts';
import type { LinkKind } from '../schema.ts';
import { peopleGroups } from './people.ts';
import { pager, type Pager } from './pager.ts';
import type { Catalog, LinkView, PaperView } from './papers.ts';
import { PUBLICATION_KINDS, type PublicationKind } from './publication-kind.ts';
import { countText, fillMessage, t } from './i18n.ts';

/** Each kind as a filter names it. */
export const KIND_FILTER_NAMES: Record<PublicationKind, string> = t.kindsPlural;

/** One view of the list: a kind, a member (by author slug), both or neither. */
export interface PublicationFilter {
  kind?: PublicationKind;
  member?: string;
}

/**
 * Site path of a filtered list's page: `/publications/`, `/publications/journal/`,
 * `/publications/member/<slug>/`, `/publications/journal/member/<slug>/`, then `2/`…
 * Kinds are fixed words and pages are numbers, so no two of these collide.
 */
export function publicationsPath(filter: PublicationFilter, page = 1): string {
  const kind = filter.kind ? `${filter.kind}/` : '';
  const member = filter.member ? `member/${filter.member}/` : '';
  return `/publications/${kind}${member}${page > 1 ? `${page}/` : ''}`;
}

/** A lab member who has papers, as the member filter lists them. */
export interface MemberOption {
  slug: string;
  name: string;
}

/** The lab's papers and the values the filters offer. */
export interface LabPublications {
  /** Newest first (the catalog's order). */
  papers: PaperView[];
  /** Kinds the lab has papers of, in the fixed order of PUBLICATION_KINDS. */
  kinds: PublicationKind[];
  /** Members with papers, in the order of /people/ (current members, then alumni). */
  members: MemberOption[];
}

export function labPublications(catalog: Catalog): LabPublications {
  const papers = catalog.papers.filter((paper) => paper.authors.some((author) => author.isLabMember));
  const kinds = PUBLICATION_KINDS.filter((kind) => papers.some((paper) => paper.kind === kind));
  const { groups, alumni } = peopleGroups(catalog.people);
  const inPageOrder = [...groups.flatMap((group) => group.people), ...alumni];
  const members = inPageOrder
    .filter((person) => person.paperCount > 0)
    .map((person) => ({ slug: person.slug, name: person.name }));
  return { papers, kinds, members };
}

function matches(paper: PaperView, filter: PublicationFilter): boolean {
  return (
    (filter.kind === undefined || paper.kind === filter.kind) &&
    (filter.member === undefined || paper.authors.some((author) => author.slug === filter.member))
  );
}

/** One choice of a filter row: a link, or plain text when it would lead to no paper. */
export interface FilterOption {
  label: string;
  count: number;
  /** Site path of the list with this choice made; none when `count` is 0. */
  path?: string;
  current: boolean;
}

/** What one page of the publications list shows. */
export interface PublicationsPageProps {
  filter: PublicationFilter;
  /** "Journal articles by Ada Okafor", or "All publications". */
  title: string;
  /** The sentence under the heading. */
  summary: string;
  papers: PaperView[];
  pager: Pager;
  kindOptions: FilterOption[];
  memberOptions: FilterOption[];
}

function filterTitle(filter: PublicationFilter, members: readonly MemberOption[]): string {
  const member = members.find((candidate) => candidate.slug === filter.member)?.name;
  const what = filter.kind ? KIND_FILTER_NAMES[filter.kind] : t.publications.title;
  return member ? fillMessage(t.publications.byMember, { what, member }) : filter.kind ? what : t.publications.all;
}

function options<T extends string>(
  values: readonly (T | undefined)[],
  label: (value: T | undefined) => string,
  count: (value: T | undefined) => number,
  path: (value: T | undefined) => string,
  current: T | undefined,
): FilterOption[] {
  return values.map((value) => {
    const n = count(value);
    return { label: label(value), count: n, path: n > 0 ? path(value) : undefined, current: value === current };
  });
}

/**
 * Every page of every filter that has papers (the unfiltered list always, even empty),
 * `SITE.publicationsPageSize` papers a page. Each page's filter rows count the papers of
 * each choice within the other row's current choice. A dimension with a single value (one
 * kind, one member) gets no filter: its page would repeat the unfiltered one.
 */
export function publicationPages(lab: LabPublications, paginate: PaginateFunction) {
  const kinds: (PublicationKind | undefined)[] = [undefined, ...(lab.kinds.length > 1 ? lab.kinds : [])];
  const memberSlugs = lab.members.map((member) => member.slug);
  const members: (string | undefined)[] = [undefined, ...(memberSlugs.length > 1 ? memberSlugs : [])];
  const memberName = (slug: string | undefined) =>
    slug === undefined ? t.publications.allOption : (lab.members.find((member) => member.slug === slug)?.name ?? slug);
  const count = (filter: PublicationFilter) => lab.papers.filter((paper) => matches(paper, filter)).length;
  return kinds.flatMap((kind) =>
    members.flatMap((member) => {
      const filter: PublicationFilter = { kind, member };
      const papers = lab.papers.filter((paper) => matches(paper, filter));
      if (papers.length === 0 && (kind || member)) return [];
      const title = filterTitle(filter, lab.members);
      const kindOptions = options(
        kinds,
        (value) => (value ? KIND_FILTER_NAMES[value] : t.publications.allOption),
        (value) => count({ kind: value, member }),
        (value) => publicationsPath({ kind: value, member }),
        kind,
      );
      const memberOptions = options(
        members,
        memberName,
        (value) => count({ kind, member: value }),
        (value) => publicationsPath({ kind, member: value }),
        member,
      );
      return paginate(papers, { pageSize: SITE.publicationsPageSize }).map(({ props }) => {
        const page = props.page;
        const count = countText(t.counts.papers, papers.length);
        const summary =
          papers.length === 0
            ? t.publications.none
            : kind || member
              ? fillMessage(t.publications.filteredSummary, { title, papers: count })
              : fillMessage(t.publications.summary, { papers: count });
        return {
          params: {
            page: publicationsPath(filter, page.currentPage).replace(/^\/publications\/|\/$/g, '') || undefined,
          },
          props: {
            filter,
            title,
            summary,
            papers: page.data,
            pager: pager(page, (n) => publicationsPath(filter, n)),
            kindOptions,
            memberOptions,
          } satisfies PublicationsPageProps,
        };
      });
    }),
  );
}

/** Paper links in the order readers look for them; a link of no known kind keeps its label. */
const LINK_ORDER: readonly LinkKind[] = [
  'pdf',
  'html',
  'code',
  'slides',
  'video',
  'poster',
  'supplement',
  'website',
  'blog',
  'other',
];

/** A link to another site. */
function outbound(label: string, address: string, kind?: LinkKind): LinkView {
  return { label, url: address, href: address, internal: false, ...(kind ? { kind } : {}) };
}

/**
 * A paper's links as a publication list shows them: its own links (PDF, Code, Slides,
 * Video, Poster…) labelled by kind, its code repository when no link is one, then arXiv
 * and DOI; each address once.
 */
export function publicationLinks(paper: PaperView): LinkView[] {
  const rank = (link: LinkView) => (link.kind ? LINK_ORDER.indexOf(link.kind) : LINK_ORDER.length);
  const own = [...paper.links]
    .map((link, index) => ({ link, index }))
    .sort((a, b) => rank(a.link) - rank(b.link) || a.index - b.index)
    .map(({ link }) => link); // already labelled by kind (LINK_KIND_LABELS in papers.ts)
  const extra: LinkView[] = [];
  if (paper.codeUrl && !own.some((link) => link.kind === 'code')) {
    extra.push(outbound(t.links.code, paper.codeUrl, 'code'));
  }
  if (paper.arxivUrl) extra.push(outbound('arXiv', paper.arxivUrl));
  if (paper.doiUrl) extra.push(outbound('DOI', paper.doiUrl));
  const seen = new Set<string>();
  return [...own, ...extra].filter((link) => !seen.has(link.url) && seen.add(link.url));
}

/**
 * The home page's selected papers: those marked `selected: <n>` in the order of n, then
 * those marked `selected: true` newest first (al-folio's own order), each once.
 */
export function selectedPapers(papers: readonly PaperView[]): PaperView[] {
  const ranked = papers
    .filter((paper) => typeof paper.selected === 'number')
    .sort((a, b) => Number(a.selected) - Number(b.selected));
  return [...ranked, ...papers.filter((paper) => paper.selected === true)];
}
