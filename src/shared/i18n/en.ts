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
    notes: 'Notes',
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
    notes: {
      one: '{count} note',
      other: '{count} notes',
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
    showingNotes: {
      one: 'Showing {from}–{to} of {count} note, page {page} of {pages}',
      other: 'Showing {from}–{to} of {count} notes, page {page} of {pages}',
    },
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
    profileDescription: '{name}, {role} at {lab}: {papers}.',
    profileDescriptionAlumni: '{name}, {role} formerly at {lab}: {papers}.',
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
  /** The search facets (src/shared/facets.ts): headings, the yes/no text, the count-on-request buttons. */
  facets: {
    topic: 'Topic',
    year: 'Year',
    author: 'Author',
    affiliation: 'Affiliation',
    tag: 'Tag',
    code: 'Code',
    hasCode: 'Has code',
    showAuthors: 'Show authors',
    showAffiliations: 'Show affiliations',
    showTags: 'Show tags',
    filterLabel: '{facet}: {value}',
    notes: 'Notes',
    hasNotes: 'Has notes',
  },
  /** The search page: its form and what search.js says and shows. */
  search: {
    title: 'Search',
    description:
      'Search the papers by title, author and abstract, with filters by topic, year, author and affiliation.',
    heading: 'Search papers',
    label: 'Search titles, authors and abstracts',
    submit: 'Search',
    keys: 'Results appear as you type; press ↓ to move through them.',
    sortBy: 'Sort by',
    relevance: 'Relevance',
    newest: 'Newest first',
    oldest: 'Oldest first',
    noscript: 'Searching needs JavaScript. Browse the papers by topic, year, author or affiliation below.',
    results: 'Results',
    more: 'Show more results',
    filters: 'Filters',
    browse: 'Browse without searching',
    topics: 'Topics',
    years: 'Years',
    topAuthors: 'Authors with the most papers',
    topAffiliations: 'Affiliations with the most papers',
    allAuthors: {
      one: 'The {count} author',
      other: 'All {count} authors',
    },
    allAffiliations: {
      one: 'The {count} affiliation',
      other: 'All {count} affiliations',
    },
    searching: 'Searching…',
    unavailable: 'Search is not available right now. Browse the papers by topic, year or author below.',
    moreFailed: 'More results could not be loaded. Try again.',
    noMatch: 'No papers match “{term}”.',
    noMatchWithin: 'No papers match “{term}” with {filters}.',
    matches: {
      one: '{count} paper matches “{term}”.',
      other: '{count} papers match “{term}”.',
    },
    matchesWithin: {
      one: '{count} paper matches “{term}” with {filters}.',
      other: '{count} papers match “{term}” with {filters}.',
    },
    showing: 'Showing {shown}.',
    checkSpelling: 'Check the spelling, or try fewer or other words.',
    removeAll: 'Remove all filters',
    tryRemoving: 'Try removing filters: the selected ones are listed beside the results, each with a remove button.',
    typeToSearch: 'Type to search titles, authors and abstracts.',
    typeWithin: 'Type a search term to search within the selected filters.',
    orBrowse: 'Or browse every paper with:',
    removeFilter: 'Remove filter {filter}',
    selected: 'Selected',
    showAll: {
      one: 'Show all {count}',
      other: 'Show all {count}',
    },
  },
  /** What reading-list.js says on any page when storage fails. */
  readingListNotices: {
    unavailable:
      'Star and Mark read are turned off: this browser does not let the site keep data (site data may be blocked, or a private window may forbid it).',
    notSaved: 'Your reading list could not be saved: the browser refused to store it. Changes will be lost on reload.',
  },
  /** The reading-list filters of the search page. */
  readingListFilters: {
    legend: 'Reading list',
    starred: 'Starred',
    unread: 'Unread',
    unavailable: 'Unavailable: this browser does not let the site keep a reading list.',
  },
  /** The /reading-list/ page and what its script says. */
  readingList: {
    title: 'Reading list',
    description: 'Your starred papers, kept in this browser, with BibTeX, RIS, CSL-JSON and link export.',
    heading: 'Your reading list',
    intro:
      'Papers you star anywhere on this site are listed here, unread first. The list is kept in this browser only — nothing is sent anywhere — so export it to keep it or to move it to another browser.',
    noscript: 'The reading list needs JavaScript: it is kept in your browser’s storage.',
    starredHeading: 'Starred papers',
    empty: 'No starred papers yet. Use the {star} button on any paper, or import a list below.',
    export: 'Export',
    exportIntro:
      'Download your starred papers for a reference manager (Zotero, Mendeley and EndNote read RIS and CSL-JSON, LaTeX reads BibTeX), or as a list of links.',
    downloadFormat: 'Download {format} ({extension})',
    downloadLinks: 'Download list of links (.md)',
    import: 'Import',
    importIntro:
      'Add the papers of an exported list of links, or of a BibTeX, RIS or CSL-JSON file, to your list. Papers already on it stay as they are.',
    chooseFile: 'Choose a file',
    paste: 'Or paste links or BibTeX, RIS or CSL-JSON records',
    importPasted: 'Import pasted list',
    exportHeading: 'Reading list: {site}',
    unavailable:
      'Your reading list is unavailable: this browser does not let the site keep data (site data may be blocked, or a private window may forbid it). Nothing can be starred or saved here.',
    cannotLoad: 'The list of papers could not be loaded, so your reading list cannot be shown. Try reloading the page.',
    count: {
      one: '{count} starred paper, {unread} unread.',
      other: '{count} starred papers, {unread} unread.',
    },
    missing: {
      one: '{count} starred paper is not on this site.',
      other: '{count} starred papers are not on this site.',
    },
    downloadedLinks: {
      one: 'Downloaded reading-list.md with {count} link.',
      other: 'Downloaded reading-list.md with {count} links.',
    },
    recordsFailed: 'The {format} records could not be loaded. Try again, or reload the page.',
    downloadedRecords: {
      one: 'Downloaded {file} with {count} entry.',
      other: 'Downloaded {file} with {count} entries.',
    },
    noRecord: {
      one: '{count} paper had no {format} record.',
      other: '{count} papers had no {format} record.',
    },
    noneFound: 'No papers of this site were found in {source}.',
    unmatched: {
      one: '{count} link or key did not match.',
      other: '{count} links or keys did not match.',
    },
    imported: {
      one: 'Imported {source}: {count} paper added to your list.',
      other: 'Imported {source}: {count} papers added to your list.',
    },
    markedRead: '{count} marked read.',
    alreadyThere: '{count} already there.',
    unmatchedList: {
      one: '{count} link or key matched no paper here: {list}',
      other: '{count} links or keys matched no paper here: {list}',
    },
    refused: 'The browser refused to save the list, so it will be lost on reload.',
    unreadable: '{file} could not be read.',
    pasteFirst: 'Paste a list of links, or BibTeX, RIS or CSL-JSON records, into the box first.',
    pastedText: 'the pasted text',
  },
  /** Reading notes: /notes/, the notes on a paper page, one note, the notes feed. */
  notes: {
    title: 'Notes',
    description: '{group}, {site}: notes on the papers it reads, newest first.',
    feedTitle: '{site}: notes',
    feedDescription: '{group}, {site}: notes on the papers it reads.',
    none: 'No notes yet.',
    intro: {
      one: '{count} note on papers we read, newest first.',
      other: '{count} notes on papers we read, newest first.',
    },
    follow: 'Follow them by {rss}; see also the {sessions}.',
    rssLink: 'RSS',
    sessionsLink: 'reading-group sessions',
    noteBy: 'Note by {name}',
    on: 'On {title}',
    rated: 'Rated {rating} of {max}',
    sessionOf: 'Session of {date}',
    status: {
      toRead: 'To read',
      skimmed: 'Skimmed',
      reading: 'Reading',
      read: 'Read',
      presented: 'Presented',
    },
    feedItemTitled: '{title} (on “{paper}”)',
    feedItemBy: '{name} on “{paper}”',
  },
  /** The reading group: its name by default and the links between its pages. */
  readingGroup: {
    nav: 'Reading group',
    defaultName: 'Reading group',
    sessions: 'Sessions',
  },
  /** Reading-group sessions: /sessions/, the times and dates of a session, the calendar (.ics). */
  sessions: {
    title: 'Sessions',
    heading: '{group} sessions',
    description: '{group}, {site}: when it meets and what it reads.',
    intro:
      'The papers the group reads together, who presents them and the notes written for them. Times are {zone}. Add the sessions to your calendar: {calendar}. All notes are on the {notes}.',
    calendarLink: 'subscribe to the calendar (.ics)',
    notesLink: 'notes page',
    asOfBuild: 'Upcoming and past as of {time}, when this page was built.',
    asOfNow: 'Upcoming and past as of now, by the clock of your device.',
    upcoming: 'Upcoming',
    past: 'Past',
    noUpcoming: 'No upcoming sessions.',
    noPast: 'No past sessions.',
    allDay: 'All day',
    presentedBy: 'presented by {names}',
    notesBy: 'Notes: {names}',
    weekdayDate: '{weekday} {date}',
    timeRange: '{start}–{end} ({zone})',
    dateTime: '{date}, {time} ({zone})',
    calendarName: '{site}: {group}',
    eventSummary: '{group}: {titles}',
    eventPresentedBy: 'Presented by {names}',
    eventNote: 'Note by {name}: {url}',
  },
  /** A paper’s page. */
  paperPage: {
    abstract: 'Abstract',
    details: 'Details',
    published: 'Published',
    publishedIn: '{date} in {venue}',
    publisher: 'Publisher',
    award: 'Award',
    note: 'Note',
    topic: 'Topic',
    affiliations: 'Affiliations',
    code: 'Code',
    codeInAbstract: 'Available (see the abstract)',
    links: 'Links',
    readingGroup: 'Reading group',
    sessionPresentedBy: '{date}, presented by {names}',
    tags: 'Tags',
    findPaper: 'Find this paper',
    cite: 'Cite',
    copyFormat: 'Copy {format}',
    downloads: 'Download: {files}',
    related: 'Related papers',
    olderNewer: 'Older and newer papers',
    newer: 'Newer',
    older: 'Older',
  },
  /** The copy buttons (src/client/copy.ts). */
  copy: {
    copied: 'Copied',
    failed: 'Copy failed: select the text and copy it by hand',
  },
};

/** The shape every dictionary has. */
export type EnglishDictionary = typeof en;
