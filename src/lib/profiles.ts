/**
 * A person's links (website, email, ORCID, Google Scholar, GitHub, Semantic Scholar, DBLP,
 * Bluesky, Mastodon, X) as people write them in `content/people/*.md`: a full URL, or the
 * short form each service is known by (`@name@mastodon.social`, an ORCID iD, a Scholar
 * user id…). Each kind has one parser that gives the canonical URL or nothing; the people
 * schema uses it to reject what it cannot read, and the site shows and links that URL.
 *
 * Pure (no DOM, no `node:`), so the schema, the site and the tests share it.
 */

/** The kinds of link a person may give, in the order a profile shows them. */
export const PROFILE_KINDS = [
  'website',
  'email',
  'orcid',
  'scholar',
  'github',
  'semanticScholar',
  'dblp',
  'bluesky',
  'mastodon',
  'x',
] as const;

export type ProfileKind = (typeof PROFILE_KINDS)[number];

interface ProfileSpec {
  /** What a reader sees: "Google Scholar". */
  label: string;
  /**
   * Whether the link is an account the person controls, marked `rel="me"` so Mastodon,
   * Bluesky verifiers and IndieWeb tools can tie the profile to the person. Semantic Scholar
   * and DBLP pages are compiled by those services, and an email address is not a page.
   */
  me: boolean;
  /** What the field accepts, for error messages. */
  expected: string;
  /** The canonical URL of `value`, or undefined when `value` is not a link of this kind. */
  parse: (value: string) => string | undefined;
}

/** `value` as an https URL on one of `hosts` (www. ignored), or undefined. */
function urlOn(value: string, hosts: readonly string[]): URL | undefined {
  const parsed = httpUrl(value);
  if (!parsed) return undefined;
  const host = parsed.hostname.replace(/^www\./, '');
  return hosts.includes(host) ? parsed : undefined;
}

function httpUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * ORCID iD check digit (ISO 7064 MOD 11-2), as ORCID documents it: a mistyped iD is
 * caught at build time instead of linking a stranger's record.
 */
export function isOrcidId(id: string): boolean {
  const match = /^(\d{4})-(\d{4})-(\d{4})-(\d{3})([\dX])$/.exec(id);
  if (!match) return false;
  const digits = match.slice(1, 5).join('');
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return match[5] === (check === 10 ? 'X' : String(check));
}

const SPECS: Record<ProfileKind, ProfileSpec> = {
  website: {
    label: 'Website',
    me: true,
    expected: 'an http(s) URL',
    parse: (value) => httpUrl(value)?.href,
  },
  email: {
    label: 'Email',
    me: false,
    expected: 'an email address such as name@example.org',
    parse: (value) => {
      const address = value.replace(/^mailto:/i, '');
      return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(address) ? `mailto:${address}` : undefined;
    },
  },
  orcid: {
    label: 'ORCID',
    me: true,
    expected: 'an ORCID iD (0000-0002-1825-0097) or https://orcid.org/<iD>',
    parse: (value) => {
      const id = value.replace(/^https?:\/\/(www\.)?orcid\.org\//i, '').replace(/\/$/, '');
      return isOrcidId(id.toUpperCase()) ? `https://orcid.org/${id.toUpperCase()}` : undefined;
    },
  },
  scholar: {
    label: 'Google Scholar',
    me: true,
    expected: 'a Google Scholar user id or a scholar.google.com/citations?user=… URL',
    parse: (value) => {
      const parsed = httpUrl(value);
      const id = parsed
        ? /^scholar\.google\.[a-z.]+$/.test(parsed.hostname)
          ? parsed.searchParams.get('user')
          : null
        : value;
      return id && /^[\w-]{12}$/.test(id) ? `https://scholar.google.com/citations?user=${id}` : undefined;
    },
  },
  github: {
    label: 'GitHub',
    me: true,
    expected: 'a GitHub user name or https://github.com/<name>',
    parse: (value) => {
      const parsed = urlOn(value, ['github.com']);
      const name = parsed ? parsed.pathname.split('/')[1] : value.replace(/^@/, '');
      return name && /^[A-Za-z\d](?:[A-Za-z\d-]{0,38})$/.test(name) ? `https://github.com/${name}` : undefined;
    },
  },
  semanticScholar: {
    label: 'Semantic Scholar',
    me: false,
    expected: 'a Semantic Scholar author id or https://www.semanticscholar.org/author/…',
    parse: (value) => {
      if (/^\d+$/.test(value)) return `https://www.semanticscholar.org/author/${value}`;
      const parsed = urlOn(value, ['semanticscholar.org']);
      return parsed?.pathname.startsWith('/author/') ? `https://www.semanticscholar.org${parsed.pathname}` : undefined;
    },
  },
  dblp: {
    label: 'DBLP',
    me: false,
    expected: 'a DBLP person id (123/4567) or a dblp.org/pid/… URL',
    parse: (value) => {
      if (/^[a-z\d]+\/[\w-]+(?:-\d+)?$/i.test(value)) return `https://dblp.org/pid/${value}`;
      const parsed = urlOn(value, ['dblp.org', 'dblp.uni-trier.de']);
      return parsed && /^\/(pid|pers)\//.test(parsed.pathname) ? `https://dblp.org${parsed.pathname}` : undefined;
    },
  },
  bluesky: {
    label: 'Bluesky',
    me: true,
    expected: 'a Bluesky handle (name.bsky.social) or https://bsky.app/profile/<handle>',
    parse: (value) => {
      const parsed = urlOn(value, ['bsky.app']);
      const handle = parsed ? /^\/profile\/([^/]+)/.exec(parsed.pathname)?.[1] : value.replace(/^@/, '');
      return handle && /^([a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}$/i.test(handle)
        ? `https://bsky.app/profile/${handle.toLowerCase()}`
        : undefined;
    },
  },
  mastodon: {
    label: 'Mastodon',
    me: true,
    expected: 'a Mastodon address (@name@instance.social) or https://instance.social/@name',
    parse: (value) => {
      const address = /^@?([\w.-]+)@([a-z\d.-]+\.[a-z]{2,})$/i.exec(value);
      if (address) return `https://${address[2].toLowerCase()}/@${address[1]}`;
      const parsed = httpUrl(value);
      return parsed?.protocol === 'https:' && /^\/@[\w.-]+\/?$/.test(parsed.pathname) ? parsed.href : undefined;
    },
  },
  x: {
    label: 'X',
    me: true,
    expected: 'an X (Twitter) handle (@name) or https://x.com/<name>',
    parse: (value) => {
      const parsed = urlOn(value, ['x.com', 'twitter.com']);
      const handle = parsed ? parsed.pathname.split('/')[1] : value.replace(/^@/, '');
      return handle && /^\w{1,15}$/.test(handle) ? `https://x.com/${handle}` : undefined;
    },
  },
};

/** One link of a profile, ready to show. */
export interface ProfileLink {
  kind: ProfileKind;
  label: string;
  url: string;
  /** What the link shows: the address for email, the iD URL for ORCID, else the label. */
  text: string;
  /** Marked `rel="me"`: an account the person controls. */
  me: boolean;
}

/** The canonical URL of a link as written, or undefined when it is not a `kind` link. */
export function profileUrl(kind: ProfileKind, value: string): string | undefined {
  return SPECS[kind].parse(value.trim());
}

/** What a `kind` field accepts, for an error message. */
export function profileExpected(kind: ProfileKind): string {
  return SPECS[kind].expected;
}

/** A person's links in display order; each value must already be valid (the schema checks). */
export function profileLinks(links: Partial<Record<ProfileKind, string>>): ProfileLink[] {
  return PROFILE_KINDS.flatMap((kind) => {
    const value = links[kind];
    if (value === undefined) return [];
    const url = profileUrl(kind, value);
    if (url === undefined) throw new Error(`${kind}: expected ${SPECS[kind].expected}, got "${value}"`);
    const { label, me } = SPECS[kind];
    // ORCID asks sites to show the full iD URL next to its iD icon, not a bare number or "ORCID".
    const text = kind === 'email' ? url.slice('mailto:'.length) : kind === 'orcid' ? url : label;
    return [{ kind, label, url, text, me }];
  });
}
