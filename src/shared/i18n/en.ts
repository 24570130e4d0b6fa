/**
 * English: the dictionary that defines every key and its shape (dictionary.ts). Every other
 * language provides the same keys; `astro check` fails until it does.
 *
 * `{name}` is a placeholder; an object with `one`/`other` (and in other languages `zero`,
 * `two`, `few`, `many`) is a plural message whose `{count}` is the number.
 */
export const en = {
  /** The frame of every page. */
  frame: {
    skipToContent: 'Skip to content',
    mainNav: 'Main',
    quickSearch: 'Quick search',
    searchPapers: 'Search papers',
    searchButton: 'Search',
    darkTheme: 'Dark theme',
    rssFeed: 'RSS feed',
    allBibtex: 'All papers as BibTeX',
    allJson: 'All papers as JSON',
    sitemap: 'Sitemap',
  },
  /** The header's links. */
  nav: {
    papers: 'Papers',
    publications: 'Publications',
    people: 'People',
    authors: 'Authors',
    topics: 'Topics',
    years: 'Years',
    affiliations: 'Affiliations',
    tags: 'Tags',
    readingList: 'Reading list',
  },
  /** Dates and counts. */
  dates: {
    /** An undated paper's date, as citation styles write it. */
    undated: 'n.d.',
  },
  counts: {
    papers: { one: '{count} paper', other: '{count} papers' },
    authors: {
      one: '{count} author',
      other: '{count} authors',
    },
    topics: {
      one: '{count} topic',
      other: '{count} topics',
    },
    affiliations: {
      one: '{count} affiliation',
      other: '{count} affiliations',
    },
    years: {
      one: '{count} year',
      other: '{count} years',
    },
    more: {
      one: '…and {count} more.',
      other: '…and {count} more.',
    },
    tags: {
      one: '{count} tag',
      other: '{count} tags',
    },
  },
  /** A paper as lists and pages show it. */
  paper: {
    /** After a list of authors the source cut short, joined to the last name (no-break space). */
    etAl: ' et al.',
    /** Between names in a list. */
    listSeparator: ', ',
    code: 'Code',
  },
  /** The Star / Mark read buttons on paper pages and rows. */
  readingListButtons: {
    group: 'Reading list: {title}',
    star: 'Star',
    markRead: 'Mark read',
  },
  /** Listings of papers and their pages. */
  listing: {
    page: 'page {page}',
    papers: 'Papers',
    noPapers: 'No papers yet.',
    pagesNav: 'Pages',
    previous: '← Previous',
    next: 'Next →',
    pageNumber: 'Page {page}',
    showingPapers: {
      one: 'Showing {from}–{to} of {count} paper, page {page} of {pages}',
      other: 'Showing {from}–{to} of {count} papers, page {page} of {pages}',
    },
    showingAuthors: {
      one: 'Showing {from}–{to} of {count} author, page {page} of {pages}',
      other: 'Showing {from}–{to} of {count} authors, page {page} of {pages}',
    },
    titleWithPage: '{title} (page {page})',
  },
  /** The home page. */
  home: {
    selected: 'Selected papers',
    allPublications: 'All publications of the lab →',
    latest: 'Latest papers',
    allPapers: {
      one: 'The {count} paper →',
      other: 'All {count} papers →',
    },
    browse: 'Browse',
    labMembers: 'Lab members',
    peopleLink: 'People of the lab →',
    perYear: 'Papers per year',
    topics: 'Topics',
    chartSummary: 'Papers per year, {first} to {last}: {years}.',
    chartYear: '{year}: {count}',
  },
  /** The A–Z and count pages: authors, topics, years, affiliations, tags. */
  indexes: {
    authors: 'Authors',
    authorsPage: 'Authors (page {page})',
    authorsDescription: {
      one: '{count} author A–Z, with the number of papers of each. Lab members in bold.',
      other: '{count} authors A–Z, with the number of papers of each. Lab members in bold.',
    },
    byLetter: 'Authors by letter',
    topics: 'Topics',
    topicsDescription: {
      one: 'Papers in {count} arXiv category, most papers first.',
      other: 'Papers in {count} arXiv categories, most papers first.',
    },
    years: 'Years',
    yearsDescription: {
      one: 'Papers from {count} year, newest first.',
      other: 'Papers from {count} years, newest first.',
    },
    perYear: 'Papers per year',
    affiliations: 'Affiliations',
    affiliationsDescription: {
      one: 'Papers with authors from {count} institution, A–Z.',
      other: 'Papers with authors from {count} institutions, A–Z.',
    },
    tags: 'Tags',
    tagsDescription: {
      one: 'Papers by the lab’s {count} keyword, A–Z.',
      other: 'Papers by the lab’s {count} keywords, A–Z.',
    },
    noTags: 'No paper has keywords yet.',
  },
  /** The page of one topic, year, affiliation, tag or author, and /papers/. */
  groups: {
    topicKicker: 'Topic · {code}',
    topicDescription: '{papers} in {topic} ({code}).',
    topicSummary: '{papers} in the arXiv category {code}, newest first.',
    yearKicker: 'Year',
    yearDescription: '{papers} from {year}.',
    yearSummary: '{papers} from {year}, newest first.',
    affiliationKicker: 'Affiliation',
    affiliationDescription: '{papers} from {name}.',
    affiliationSummary: '{papers} with an author from {name}, newest first.',
    tagKicker: 'Tag',
    tagDescription: '{papers} tagged {tag}.',
    tagSummary: '{papers} tagged “{tag}”, newest first.',
    authorKicker: 'Author',
    authorMemberKicker: 'Author · lab member',
    memberKicker: 'Lab member',
    formerMemberKicker: 'Former lab member',
    authorDescription: '{papers} by {name}.',
    authorDescriptionActive: '{papers} by {name}, {years}.',
    authorNoPapers: '{name}: no papers yet.',
    authorSummary: '{papers}, newest first.',
    authorSummaryActive: '{papers}, newest first. Active {years}.',
    topics: 'Topics',
    coauthors: 'Co-authors',
    allPapers: 'All papers',
    allPapersDescription: 'Every paper on {site}, newest first.',
    allPapersSummary: '{papers}, newest first, by year.',
  },
  /** The 404 page. */
  notFound: {
    title: 'Page not found',
    description: 'This page does not exist.',
    body: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    home: 'Home page',
    allPapers: 'All papers',
    search: 'Search',
  },
  /** The lab’s people: /people/, cards and profiles. */
  people: {
    title: 'People',
    alumni: 'Alumni',
    principalInvestigators: 'Principal investigators',
    postdocs: 'Postdocs',
    phdStudents: 'PhD students',
    mastersStudents: 'Master’s students',
    undergraduates: 'Undergraduates',
    staff: 'Staff',
    labMember: 'Lab member',
    noPapers: 'No papers yet',
    interests: 'Interests:',
    nowAt: 'now at {place}',
    since: 'since {year}',
    from: 'from {year}',
    until: 'until {year}',
    website: 'Website',
    summary: 'The {members} of {lab}, with their roles, interests and papers.',
    summaryWithAlumni: 'The {members} of {lab} and {alumni}, with their roles, interests and papers.',
    members: {
      one: '{count} member',
      other: '{count} members',
    },
    alumniCount: {
      one: '{count} alumnus',
      other: '{count} alumni',
    },
  },
  /** The lab’s publications: /publications/ and its filters. */
  publications: {
    title: 'Publications',
    all: 'All publications',
    byMember: '{what} by {member}',
    allOption: 'All',
    type: 'Type',
    member: 'Member',
    filters: 'Filter publications',
    none: 'No papers by members of the lab yet.',
    filteredSummary: '{title}: {papers}, newest first.',
    summary: '{papers} by members of the lab, newest first.',
  },
  /** Publication kinds, one paper (src/lib/publication-kind.ts). */
  kinds: {
    journal: 'Journal article',
    conference: 'Conference paper',
    preprint: 'Preprint',
    thesis: 'Thesis',
    patent: 'Patent',
    book: 'Book or chapter',
    report: 'Report',
    other: 'Other',
  },
  /** Publication kinds as filters name them. */
  kindsPlural: {
    journal: 'Journal articles',
    conference: 'Conference papers',
    preprint: 'Preprints',
    thesis: 'Theses',
    patent: 'Patents',
    book: 'Books and chapters',
    report: 'Reports',
    other: 'Other',
  },
  /** Labels of a paper’s links by kind (PDF, Code…). */
  links: {
    pdf: 'PDF',
    code: 'Code',
    slides: 'Slides',
    video: 'Video',
    poster: 'Poster',
    website: 'Website',
    supplement: 'Supplement',
    blog: 'Blog',
    html: 'HTML',
    other: 'Link',
    webPage: 'Web page',
  },
};

/** The shape every dictionary has. */
export type EnglishDictionary = typeof en;
