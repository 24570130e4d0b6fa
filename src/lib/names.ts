/**
 * One person (or one affiliation), one page: names that differ only in diacritics, case
 * or spacing share a slug, and the group is shown under one display spelling.
 */
import { nameSlug } from './slug.ts';

/** Anything with its own page: a URL segment and the name shown for it. */
export interface NamedRef {
  slug: string;
  name: string;
}

/** Collapses runs of whitespace: "Martin  Wattenberg " → "Martin Wattenberg". */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function accentCount(name: string): number {
  return name.normalize('NFD').replace(/[^\u0300-\u036f]/g, '').length;
}

function caseScore(name: string): number {
  // "yonatan belinkov" and "YONATAN BELINKOV" are worse display forms than the title case.
  return name === name.toLowerCase() || name === name.toUpperCase() ? 0 : 1;
}

/** Spellings that join one person's page, and the name that person chose. */
export interface NameAliases {
  /** Slug of a spelling → slug of the person's page. */
  aliasOf: ReadonlyMap<string, string>;
  /** Slug of a person's page → the name they gave, shown wherever they appear. */
  preferredName: ReadonlyMap<string, string>;
}

/**
 * Collects the spellings of names and picks one display name per slug: the spelling with
 * the most accents first (sources drop accents, nobody adds wrong ones: "Viégas" is the
 * person's own spelling even where most listings print "Viegas"), then mixed case over
 * all-lower or all-upper, then the most common, then alphabetical so the choice is stable.
 */
export class NameRegistry {
  private readonly spellings = new Map<string, Map<string, number>>();
  private readonly chosen = new Map<string, string>();

  /**
   * `people` names the spellings that belong together beyond diacritics and case (a lab
   * member's other names, by slug) and the name each such person gave for themselves.
   */
  private readonly people?: NameAliases;

  constructor(people?: NameAliases) {
    this.people = people;
  }

  /** Records one use of `name` and returns its slug. */
  add(name: string): string {
    const spelling = normaliseName(name);
    const ownSlug = nameSlug(spelling);
    const slug = this.people?.aliasOf.get(ownSlug) ?? ownSlug;
    let counts = this.spellings.get(slug);
    if (!counts) {
      counts = new Map();
      this.spellings.set(slug, counts);
    }
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    this.chosen.delete(slug);
    return slug;
  }

  /** The display name for a slug given by `add`. */
  nameOf(slug: string): string {
    const preferred = this.people?.preferredName.get(slug);
    if (preferred !== undefined) return preferred;
    const cached = this.chosen.get(slug);
    if (cached !== undefined) return cached;
    const counts = this.spellings.get(slug);
    if (!counts) throw new Error(`No name was registered for slug "${slug}"`);
    let best = '';
    let bestCount = 0;
    for (const [spelling, count] of counts) {
      if (best === '' || compareSpellings(spelling, count, best, bestCount) < 0) {
        best = spelling;
        bestCount = count;
      }
    }
    this.chosen.set(slug, best);
    return best;
  }

  ref(slug: string): NamedRef {
    return { slug, name: this.nameOf(slug) };
  }
}

/** Negative when spelling `a` (used `countA` times) is the better display name than `b`. */
function compareSpellings(a: string, countA: number, b: string, countB: number): number {
  return (
    accentCount(b) - accentCount(a) || caseScore(b) - caseScore(a) || countB - countA || (a < b ? -1 : a > b ? 1 : 0)
  );
}

/** Sorts by display name the way a reader expects: accents and case ignored, numbers natural. */
export const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
