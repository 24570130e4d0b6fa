import type { PluggableList } from 'unified';

/**
 * Every setting of the site, in one typed object. Pages read from here; nothing about
 * the lab, its members or page sizes is written into a page.
 */
/** A citation style offered on paper pages: one that ships with Citation.js, or a lab's `.csl` file. */
export interface CitationStyle {
  /** `apa`, `vancouver` or `harvard1` (they ship with Citation.js), or any id for a style given by `file`. */
  id: string;
  /** The name shown on the page: "APA", "IEEE"… */
  name: string;
  /** A CSL style file kept in the project (path from the project root), for any other style. */
  file?: string;
}

export interface SiteConfig {
  /** Shown in the header, the page titles and the feeds. */
  title: string;
  /** One sentence for search engines, feeds and link previews. */
  description: string;
  /** The paragraph on the home page. */
  intro: string;
  /** Absolute origin the site is hosted at, used for canonical URLs, feeds and the sitemap. */
  site: string;
  /**
   * Path the site is hosted under (`/` at a domain root). The `SITE_BASE` environment
   * variable overrides it at build time, e.g. `SITE_BASE=/lab/papers npm run build`.
   */
  base: string;
  /**
   * Language of the interface (buttons, headings, dates, counts; paper content stays as
   * written), a BCP 47 tag: `en`, `de`, `fr`, `es`, `zh-CN`, `ja`, `ko`, `ar`, `he`, or one
   * of these with a region or numbering system (`de-AT`, `ar-u-nu-arab`). Arabic and Hebrew
   * sites are laid out right to left. The `SITE_LOCALE` environment variable overrides it
   * at build time, e.g. `SITE_LOCALE=ko npm run build`.
   */
  locale: string;
  /**
   * Names of lab members, highlighted wherever they appear. Every entry of content/people/
   * is a member too (see the README, "People and the lab"); this list is for a site that
   * keeps no people entries, or for names without one.
   */
  labMembers: string[];
  /** Entries per page on long listings (all papers, an author's, a topic's…). */
  pageSize: number;
  /** Names per page on the A–Z author index (a large site has far more authors than papers per page). */
  indexPageSize: number;
  /** Papers shown on the home page under "Latest". */
  latestCount: number;
  /** Papers per page of /publications/ (the lab's papers, by year). */
  publicationsPageSize: number;
  /** Related papers shown on each paper page. */
  relatedCount: number;
  /**
   * Display names of affiliations, keyed by their slug, for sources that give short
   * handles (`allen-ai`); an affiliation not listed shows as written.
   */
  affiliationNames: Record<string, string>;
  /**
   * arXiv category given to imported BibTeX entries that name none (the import report
   * lists them). Unset, such entries have no topic: a biology lab's papers must not all
   * show as "Machine Learning". Their keywords are their tags either way.
   */
  defaultCategory?: string;
  /**
   * Formatted references in each paper's "Cite" block, in this order (BibTeX always follows).
   * Add a lab's own style as `{ id: 'lab', name: 'Our lab', file: 'styles/lab.csl' }`.
   */
  citationStyles: CitationStyle[];
  /** The `id` of the style shown first and open; the others are one click away. */
  defaultCitationStyle: string;
  /** Reading notes (content/notes/): the /notes/ listing and how notes render. */
  notes: {
    /** Notes per page on /notes/ (each shows in full). */
    pageSize: number;
    /**
     * Extra remark plugins for notes, run after the site's own (GFM, math, smart
     * punctuation), e.g. `[remarkToc]` or `[[remarkToc, { heading: 'contents' }]]`.
     */
    remarkPlugins: PluggableList;
    /** Extra rehype plugins for notes, run last, e.g. a syntax highlighter for code blocks. */
    rehypePlugins: PluggableList;
  };
  /** The reading group's sessions: /sessions/ and the /sessions.ics calendar. */
  sessions: {
    /**
     * The group's name, the title of its calendar and the start of each event's summary.
     * Unset, it is the interface language's word for a reading group ("Reading group", "독회").
     */
    groupName?: string;
    /** IANA time zone that session times are written in, e.g. `America/New_York`. */
    timeZone: string;
    /** Length of a session that has a start time, in minutes (a calendar event needs an end). */
    durationMinutes: number;
  };
}

export const SITE: SiteConfig = {
  title: 'Paper Shelf',
  description: 'A reading list of research papers on language models, interpretability and their applications.',
  intro:
    'Papers we read, cite and build on: language models, their evaluation, interpretability and safety. Browse by author, topic, year or affiliation, search everything, and keep your own reading list in the browser.',
  site: 'https://example.org',
  base: process.env.SITE_BASE ?? '/',
  locale: process.env.SITE_LOCALE || 'en',
  labMembers: ['Yonatan Belinkov', 'Fernanda Viégas', 'Martin Wattenberg'],
  pageSize: 25,
  indexPageSize: 500,
  latestCount: 10,
  publicationsPageSize: 100,
  relatedCount: 5,
  citationStyles: [
    { id: 'apa', name: 'APA' },
    { id: 'vancouver', name: 'Vancouver' },
    { id: 'harvard1', name: 'Harvard' },
  ],
  defaultCitationStyle: 'apa',
  notes: { pageSize: 10, remarkPlugins: [], rehypePlugins: [] },
  sessions: { timeZone: 'America/New_York', durationMinutes: 90 },
  affiliationNames: {
    'allen-ai': 'Allen Institute for AI',
    'amazon-science': 'Amazon Science',
    berkeley: 'UC Berkeley',
    cmu: 'Carnegie Mellon University',
    deepmind: 'Google DeepMind',
    'microsoft-research': 'Microsoft Research',
    mit: 'MIT',
  },
};
