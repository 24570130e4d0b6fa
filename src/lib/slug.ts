/**
 * The one slug function: every URL segment made from a name (paper titles, authors,
 * topics, affiliations) goes through here, so two spellings of a name that differ only
 * in diacritics, case or spacing get the same slug, and one name never gets two.
 */
import slugifyText from '@sindresorhus/slugify';

/** `Fernanda  Viégas` → `fernanda-viegas`; `BLOOM: A 176B-Parameter…` → `bloom-a-176b-parameter…`. */
export function slugify(text: string): string {
  // decamelize would split acronyms and sizes such as "176B" into "176-b".
  return slugifyText(text, { decamelize: false });
}
