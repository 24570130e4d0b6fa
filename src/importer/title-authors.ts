/**
 * Splitting a listing's second line: `<title><authors>[ et al.][ · affiliation, …]`, where
 * the title runs straight into the first author with no separator
 * (`…Language ModelBigScience Workshop, Teven Le Scao`).
 *
 * The method: every upper-case letter glued to the character before it is a possible
 * start of the author list. A start is possible only if everything after it reads as a
 * comma-separated list of names. Among the possible starts the best-supported wins: the
 * title's last word should be a word the abstract (or, failing that, the listing's other
 * titles) uses; the first author should look like an ordinary name of two to four words,
 * and may already be known as an author elsewhere in the listing. No table of titles or
 * names is involved.
 */

/** What a split yields. */
export interface TitleAuthors {
  /** The title as written in the listing (LaTeX not yet converted). */
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  affiliations: string[];
}

/**
 * Words the split may use as evidence; all lower case. Read only when a line has more
 * than one possible split, so a caller may compute them lazily (getters).
 */
export interface SplitEvidence {
  /** Words of this entry's abstract. */
  abstractWords: ReadonlySet<string>;
  /** Words used anywhere in the listing's title lines. */
  listingWords: ReadonlySet<string>;
  /** Author names seen in unambiguous positions (not first) anywhere in the listing. */
  knownAuthors: ReadonlySet<string>;
}

export type SplitResult = { ok: true; value: TitleAuthors } | { ok: false; message: string };

/** Lower-case name particles (`Teven Le Scao` is capitalised; `Ludwig van Beethoven` is not). */
const PARTICLES = new Set([
  'al',
  'bin',
  'binti',
  'da',
  'dal',
  'das',
  'de',
  'degli',
  'dei',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'lo',
  'op',
  'ten',
  'ter',
  'van',
  'vande',
  'vanden',
  'von',
  'y',
  'zu',
  'zur',
]);
const SUFFIXES = new Set(['Jr.', 'Sr.', 'Jr', 'Sr', 'II', 'III', 'IV']);

/** A capitalised name word; inner capitals allowed (McDonald, LeVi, BigScience, OpenAI). */
const NAME_WORD = /^(?:[\p{Lu}][’']|[dl][’'])?\p{Lu}[\p{Ll}\p{M}]+[\p{L}\p{M}’']*$/u;
/** An initial or initials: `J.`, `J.P.`, `J.-P.`, or a bare `N`. */
const INITIALS = /^\p{Lu}(?:\.(?:-?\p{Lu}\.)*)?$/u;
/**
 * Where the author list may start: an upper-case letter glued to the character before it,
 * unless that is a space or a character that never ends a title (`Open-Access`,
 * `Input/Output`, `(Un)Supervised`).
 */
const GLUE_POINT = /(?<=[^\s\-–—/([{‘“`_])\p{Lu}/gu;
/** The shape of an ordinary given name: `Kevin`, `Fernanda`, `Élodie`. */
const PLAIN_WORD = /^\p{Lu}[\p{Ll}\p{M}]+$/u;

function isNameToken(token: string): boolean {
  if (NAME_WORD.test(token) || INITIALS.test(token) || SUFFIXES.has(token)) return true;
  // Hyphenated names: Kesten-Pomeranz, Jean-Pierre, Al-Khalifa.
  return token.includes('-') && token.split('-').every((part) => NAME_WORD.test(part) || INITIALS.test(part));
}

/** True when `segment` reads as one person's (or group's) name. */
export function isName(segment: string): boolean {
  const tokens = segment.split(' ');
  if (tokens.length > 6 || tokens.some((token) => !token)) return false;
  if (PARTICLES.has(tokens[0]) || PARTICLES.has(tokens[tokens.length - 1])) return false;
  let words = 0;
  for (const token of tokens) {
    if (PARTICLES.has(token)) continue;
    if (!isNameToken(token)) return false;
    if (!INITIALS.test(token)) words++;
  }
  return words > 0;
}

/** Lower-case words of `text` (letters and digits, inner hyphens and dots kept). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu) ?? [];
}

interface Candidate {
  title: string;
  authors: string[];
  score: number;
}

function score(title: string, authors: string[], evidence: SplitEvidence): number {
  let total = 0;
  const lastWord = wordsOf(title).pop() ?? '';
  if (evidence.abstractWords.has(lastWord)) total += 2;
  else if (evidence.listingWords.has(lastWord)) total += 1;
  const first = authors[0];
  const firstToken = first.split(' ')[0];
  if (PLAIN_WORD.test(firstToken) || INITIALS.test(firstToken)) total += 1;
  // Most names have two to four words; a longer "name" is usually title words glued on.
  const words = first.split(' ').length;
  if (words >= 2 && words <= 4) total += 1;
  if (evidence.knownAuthors.has(first)) total += 3;
  return total;
}

/** Splits the listing's title line (already trimmed). */
export function splitTitleLine(line: string, evidence: SplitEvidence): SplitResult {
  let rest = line;
  let affiliations: string[] = [];
  const dot = rest.lastIndexOf(' · ');
  if (dot >= 0) {
    affiliations = rest
      .slice(dot + 3)
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    rest = rest.slice(0, dot).trimEnd();
  }
  const etAl = /,?\s+et\s+al\.?$/.exec(rest);
  if (etAl) rest = rest.slice(0, etAl.index);

  const segments = rest.split(/\s*,\s*/);
  // validFrom[k]: segments k… are all names, so a start inside segment k-1 may work.
  const validFrom = new Array<boolean>(segments.length + 1).fill(true);
  for (let k = segments.length - 1; k >= 0; k--) validFrom[k] = validFrom[k + 1] && isName(segments[k]);

  const candidates: Omit<Candidate, 'score'>[] = [];
  let offset = 0;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k];
    if (validFrom[k + 1]) {
      for (const glued of segment.matchAll(GLUE_POINT)) {
        const i = glued.index;
        const firstAuthor = segment.slice(i);
        if (!isName(firstAuthor)) continue;
        const title = rest.slice(0, offset + i).trim();
        candidates.push({ title, authors: [firstAuthor, ...segments.slice(k + 1)] });
      }
    }
    offset += segment.length;
    // Re-find the separator's real length (", " or "," with spaces) in the source.
    const separator = /^\s*,\s*/.exec(rest.slice(offset))?.[0] ?? '';
    offset += separator.length;
  }

  // Most lines have one possible split; only the others need (and pay for) the evidence.
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    const scored = {
      ...candidate,
      score: candidates.length > 1 ? score(candidate.title, candidate.authors, evidence) : 0,
    };
    if (!best || scored.score > best.score) best = scored;
  }
  if (best) {
    return {
      ok: true,
      value: { title: best.title, authors: best.authors, authorsTruncated: Boolean(etAl), affiliations },
    };
  }
  if (!rest.trim()) {
    return { ok: false, message: 'missing title and author list, expected the title followed directly by the authors' };
  }
  if (validFrom[0]) {
    return {
      ok: false,
      message: `missing title: "${rest}" is only an author list, expected the title followed directly by the authors`,
    };
  }
  return {
    ok: false,
    message:
      'missing author list: found no author names after the title, expected the title followed directly by the authors, such as "…Language ModelsJane Doe, John Smith et al."',
  };
}
