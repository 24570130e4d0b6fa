/**
 * The one slug function: every URL segment made from a name (paper titles, authors,
 * topics, affiliations, tags) goes through here, so two spellings of a name that differ
 * only in diacritics, case, spacing or the shape of an apostrophe get the same slug, and
 * one name never gets two.
 *
 * Any script gives a readable slug: `@sindresorhus/slugify` transliterates Latin, Greek
 * and Cyrillic as it always has (so existing pages keep their URLs), and `any-ascii`
 * romanises every other script first (Chinese by syllable, Japanese kana, Hangul, Arabic,
 * Hebrew, Devanagari…).
 */
import slugifyText from '@sindresorhus/slugify';
import anyAscii from 'any-ascii';

/** Runs of characters `@sindresorhus/slugify` does not transliterate itself. */
const OTHER_SCRIPTS = /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]+/gu;
/** Whether text holds any such character (a non-global twin: `test` on a /g regex keeps state). */
const HAS_OTHER_SCRIPT = new RegExp(OTHER_SCRIPTS.source, 'u');
/** Han ideographs: one syllable each, kept apart so `中文标题` reads `zhong-wen-biao-ti`. */
const HAN = /\p{Script=Han}/u;

/** Romanises the scripts slugify leaves out; other text is returned as it is. */
function romanise(text: string): string {
  return text.replace(OTHER_SCRIPTS, (run) =>
    HAN.test(run)
      ? ` ${[...run].map((ch) => (HAN.test(ch) ? ` ${anyAscii(ch)} ` : anyAscii(ch))).join('')} `
      : ` ${anyAscii(run)} `,
  );
}

/**
 * `Fernanda  Viégas` → `fernanda-viegas`; `BLOOM: A 176B-Parameter…` → `bloom-a-176b-parameter…`;
 * `注意力机制` → `zhu-yi-li-ji-zhi`; `O’Brien` and `O'Brien` → `o-brien`. May be empty for text
 * with no letters or digits at all: callers that need a slug fall back (see `paperSlug`).
 */
export function slugify(text: string): string {
  // A typographic apostrophe is the same as a straight one (the importers write either).
  const joined = text.replace(/[’ʼ]/g, "'");
  // decamelize would split acronyms and sizes such as "176B" into "176-b".
  return slugifyText(romanise(joined), { decamelize: false });
}

/** FNV-1a of a string, as 6 hex digits: a short, stable tag (no `node:` import, the browser bundles this module). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * The slug of a name with a page of its own (an author, affiliation or tag). Names in
 * scripts whose romanisation loses distinctions (王丽 and 王立 both read "wang li", Arabic
 * drops its vowels) get a short tag of their own spelling after the romanised words, so
 * two people never share a page; a name with no letters at all gets the tag alone.
 */
export function nameSlug(name: string): string {
  const base = slugify(name);
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!base) return `n-${shortHash(clean)}`;
  return HAS_OTHER_SCRIPT.test(name) ? `${base}-${shortHash(clean)}` : base;
}
