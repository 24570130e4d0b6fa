/**
 * The paths of every page, computed here so route files stay thin: each route's
 * `getStaticPaths` returns one of these functions' results and renders one layout.
 */
import type { PaginateFunction } from 'astro';
import { allPapersPages, nestedPages, pager, type Pager } from './pager.ts';
import { SITE } from '../site.config.ts';
import { peopleGroups, peopleSummary } from './people.ts';
import { citationFilesDir } from '../../integrations/citation-files.ts';
import { labPublications, publicationPages } from './publications.ts';
import { hasReadingGroup, notesByMonth } from './notes.ts';
import { NOTES_PATH } from '../shared/paths.ts';
import {
  loadCatalog,
  type AuthorGroup,
  type PaperGroup,
  type PaperView,
  type TopicGroup,
  type YearGroup,
} from './papers.ts';

/** `/papers/<slug>/` for every published paper. */
export async function paperPaths() {
  const { papers } = await loadCatalog();
  return papers.map((paper) => ({ params: { slug: paper.slug }, props: { paper } }));
}

/**
 * `/papers/<slug>/citation.bib`, `.ris`, `.csl.json` (one route file each, so the path
 * keeps its extension) in `astro dev`. None in a build: each paper page writes its own
 * files there (integrations/citation-files.ts).
 */
export async function citationFilePaths() {
  return citationFilesDir() ? [] : paperPaths();
}

/** `/papers/`, `/papers/page/2/`… (route `papers/[...page].astro`). */
export async function allPapersPaths(paginate: PaginateFunction) {
  const { papers } = await loadCatalog();
  return paginate(papers, { pageSize: SITE.pageSize }).map(({ params, props }) => ({
    params: { page: params.page === undefined ? undefined : `page/${params.page}` },
    props: { pager: pager(props.page, allPapersPages), papers: props.page.data },
  }));
}

/** Props of one page of a group (author, topic, year, affiliation). */
export interface GroupPageProps<G extends PaperGroup> {
  group: G;
  papers: PaperView[];
  pager: Pager;
}

function groupPaths<G extends PaperGroup>(paginate: PaginateFunction, groups: readonly G[]) {
  return groups.flatMap((group) =>
    paginate(group.papers, { pageSize: SITE.pageSize, params: { slug: group.slug } }).map(({ params, props }) => ({
      params,
      props: {
        group,
        papers: props.page.data,
        pager: pager(props.page, nestedPages(group.path)),
      } satisfies GroupPageProps<G>,
    })),
  );
}

/**
 * `/authors/<slug>/`, `/authors/<slug>/2/`…, with the lab member's profile on their page;
 * a member with no paper yet still gets a page for the profile.
 */
export async function authorPaths(paginate: PaginateFunction) {
  const { authors, authorsBySlug, people, personGroups } = await loadCatalog();
  const profileOnly = people.flatMap((person) => {
    const group = personGroups.get(person.slug);
    return group && !authorsBySlug.has(person.slug) ? [group] : [];
  });
  const profiles = new Map(people.map((person) => [person.slug, person]));
  return groupPaths<AuthorGroup>(paginate, [...authors, ...profileOnly]).map((path) => ({
    ...path,
    props: { ...path.props, person: profiles.get(path.props.group.slug) },
  }));
}

/** `/topics/<slug>/`… */
export async function topicPaths(paginate: PaginateFunction) {
  return groupPaths<TopicGroup>(paginate, (await loadCatalog()).topics);
}

/** `/years/<year>/`… */
export async function yearPaths(paginate: PaginateFunction) {
  return groupPaths<YearGroup>(paginate, (await loadCatalog()).years);
}

/** `/tags/<slug>/`…: the lab's own keywords. */
export async function tagPaths(paginate: PaginateFunction) {
  return groupPaths<PaperGroup>(paginate, (await loadCatalog()).tags);
}

/** `/affiliations/<slug>/`… */
export async function affiliationPaths(paginate: PaginateFunction) {
  return groupPaths<PaperGroup>(paginate, (await loadCatalog()).affiliations);
}

/** `/notes/`, `/notes/2/`…: every note, newest first, under a heading per month. */
export async function notesPaths(paginate: PaginateFunction) {
  const catalog = await loadCatalog();
  if (!hasReadingGroup(catalog)) return [];
  return paginate(catalog.notes, { pageSize: SITE.notes.pageSize }).map(({ params, props }) => ({
    params,
    props: { months: notesByMonth(props.page.data), pager: pager(props.page, nestedPages(NOTES_PATH)) },
  }));
}

/** `/sessions/`, on a site with a reading group. */
export async function sessionsPaths() {
  return hasReadingGroup(await loadCatalog()) ? [{ params: { index: undefined } }] : [];
}

/**
 * `/authors/`, `/authors/2/`…: the A–Z index, in pages of `SITE.indexPageSize` names so
 * a 100k-paper site does not make one page of every author. No author slug is a bare
 * number, so these cannot collide with author pages.
 */
export async function authorIndexPaths(paginate: PaginateFunction) {
  const { authors } = await loadCatalog();
  return paginate(authors, { pageSize: SITE.indexPageSize }).map(({ params, props }) => ({
    params,
    props: { authors: props.page.data, pager: pager(props.page, nestedPages('/authors/')) },
  }));
}

/**
 * `/publications/` and its filtered pages (`/publications/journal/member/<slug>/`…), built
 * when the site has a lab, as /people/ is.
 */
export async function publicationPaths(paginate: PaginateFunction) {
  const catalog = await loadCatalog();
  if (catalog.people.length === 0) return [];
  return publicationPages(labPublications(catalog), paginate);
}

/** `/people/`, built when the site has lab members (people entries or `SITE.labMembers` with papers). */
export async function peoplePaths() {
  const { people } = await loadCatalog();
  if (people.length === 0) return [];
  const page = peopleGroups(people);
  const description = peopleSummary(people.length - page.alumni.length, page.alumni.length, SITE.title);
  return [{ params: { index: undefined }, props: { ...page, description } }];
}
