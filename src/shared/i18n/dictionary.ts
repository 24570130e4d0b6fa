/**
 * The shape every language's dictionary has: English's (en.ts), with each plain string any
 * string and each plural message one text per plural category of that language. A missing
 * key, a stray one or a missing plural category fails `astro check`.
 *
 * A message is a string with `{name}` placeholders, filled by `fill` (format.ts); a message
 * that depends on a number is an object of plural forms `{ one: '{count} paper', other:
 * '{count} papers' }`, picked by `plural` with `Intl.PluralRules`: an object whose keys
 * are all plural categories, `other` among them. (A namespace may have a key `other` beside
 * others, as the link kinds do.)
 */
import type { Language, PluralCategory, PluralCategoryOf } from './languages.ts';

/** One text per plural category of a language (`C`); `other` always. */
export type PluralForms<C extends PluralCategory> = { readonly [K in C | 'other']: string };

/** Plural forms of any language: what formatting takes and what the browser receives. */
export type AnyPluralForms = { readonly other: string } & { readonly [K in PluralCategory]?: string };

/** `T` (English's shape) with each plural message of type `Plural`. */
export type Translation<T, Plural> = T extends string
  ? string
  : IsPlural<T> extends true
    ? Plural
    : { readonly [K in keyof T]: Translation<T[K], Plural> };

/** Plural forms: an `other` text and no key that is not a plural category. */
type IsPlural<T> = T extends { other: string }
  ? [Exclude<keyof T, PluralCategory>] extends [never]
    ? true
    : false
  : false;

/** A dictionary, in the shape of English's with `L`'s plural categories. */
export type Dictionary<L extends Language, T> = Translation<T, PluralForms<PluralCategoryOf<L>>>;

/** A part of a dictionary as the browser receives it: any language's plural forms. */
export type Strings<T> = Translation<T, AnyPluralForms>;
