/**
 * BibTeX names → the display names the site shows. `@retorquere/bibtex-parser` splits each
 * name into given name, particle (`van der`), family name and suffix (`Jr.`), following
 * BibTeX's own rules; this module only puts the parts back in reading order.
 */
import type { Creator } from '@retorquere/bibtex-parser';

/** A name written in Han, kana or Hangul. */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;

/** A creator list turned into display names, and whether it ended in `and others`. */
export interface DisplayNames {
  names: string[];
  truncated: boolean;
}

/**
 * `Devlin, Jacob` → `Jacob Devlin`; `van der Berg, Jan` → `Jan van der Berg`;
 * `Smith, Jr., John` → `John Smith Jr.`; `{Big Science Workshop}` stays as written.
 * The suffix follows the family name without a comma, so the name reads the same when it
 * is written back into a `.bib` file and parsed again. `clean` turns each part's LaTeX
 * output into plain text.
 */
export function displayName(creator: Creator, clean: (part: string) => string): string {
  if (creator.name) return clean(creator.name);
  // Chinese, Japanese and Korean names read family name first, with no space: 田中太郎.
  if (creator.lastName && creator.firstName && !creator.prefix && !creator.suffix) {
    const family = clean(creator.lastName);
    const given = clean(creator.firstName);
    if (CJK_NAME.test(family) && CJK_NAME.test(given)) return `${family}${given}`;
  }
  const parts = [creator.firstName, creator.prefix, creator.lastName, creator.suffix];
  return parts
    .map((part) => (part ? clean(part) : ''))
    .filter(Boolean)
    .join(' ');
}

/** Display names in source order; a final `others` marks the list as truncated. */
export function displayNames(creators: Creator[], clean: (part: string) => string): DisplayNames {
  const isOthers = (c: Creator): boolean =>
    !c.name && !c.firstName && !c.prefix && !c.suffix && c.lastName?.trim().toLowerCase() === 'others';
  const names = creators
    .filter((c) => !isOthers(c))
    .map((c) => displayName(c, clean))
    .filter(Boolean);
  return { names, truncated: creators.some(isOthers) };
}
