/**
 * Filling messages, the same in the build and in the browser: placeholders, plurals
 * (`Intl.PluralRules`), numbers and lists (`Intl`), and bidirectional isolation. Pure, no
 * DOM and no `node:`; the locale is the one the build resolved (languages.ts).
 */
import type { AnyPluralForms } from './dictionary.ts';
import type { PluralCategory, UiLocale } from './languages.ts';

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: text inside reads in its own direction. */
const FSI = '\u2068';
const PDI = '\u2069';
const RTL_CHARACTER = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

/**
 * `text` isolated from the sentence around it when its direction may differ: always in a
 * right-to-left interface (a Latin title or "GPT-4" inside Arabic), and in a left-to-right one
 * when it holds right-to-left letters. Elsewhere unchanged, so English reads as before.
 */
export function isolate(text: string, locale: UiLocale): string {
  if (text === '') return text;
  return locale.dir === 'rtl' || RTL_CHARACTER.test(text) ? `${FSI}${text}${PDI}` : text;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A count as the locale writes it: 1,234 / 1.234 / 1 234. */
export function formatNumber(value: number, locale: UiLocale): string {
  let format = numberFormats.get(locale.tag);
  if (!format) numberFormats.set(locale.tag, (format = new Intl.NumberFormat(locale.tag)));
  return format.format(value);
}

/** A year as the locale writes digits, never grouped: 2023, ٢٠٢٣. */
export function formatYear(year: number | string, locale: UiLocale): string {
  return new Intl.NumberFormat(locale.tag, { useGrouping: false }).format(Number(year));
}

/** A span of years, "2021–2026" (one year when both are the same). */
export function formatYearRange(from: number, to: number, locale: UiLocale): string {
  if (from === to) return formatYear(from, locale);
  return new Intl.NumberFormat(locale.tag, { useGrouping: false }).formatRange(from, to);
}

/** Names as a list in the locale's words: "A, B and C", "A, B und C", "A، B و C". */
export function formatList(
  items: readonly string[],
  locale: UiLocale,
  type: 'conjunction' | 'unit' = 'conjunction',
): string {
  return new Intl.ListFormat(locale.tag, { style: 'long', type }).format(items.map((item) => isolate(item, locale)));
}

/**
 * `message` with each `{name}` replaced by `params[name]` (isolated, see `isolate`). A
 * placeholder without a value is an error: a message shown with "{title}" in it is a bug.
 */
export function fill(message: string, params: Readonly<Record<string, string>>, locale: UiLocale): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message "${message}" needs a value for {${name}}`);
    return name === 'count' ? value : isolate(value, locale);
  });
}

/** The plural category of `count` in the locale, as `Intl.PluralRules` selects it. */
export function pluralCategory(count: number, locale: UiLocale): PluralCategory {
  let rules = pluralRules.get(locale.tag);
  if (!rules) pluralRules.set(locale.tag, (rules = new Intl.PluralRules(locale.tag)));
  return rules.select(count);
}

/**
 * The plural form for `count`, filled: `{count}` is the number as the locale writes it, and
 * `params` fill the other placeholders. `plural(t.papers, 3, locale)` → "3 papers".
 */
export function plural(
  forms: AnyPluralForms,
  count: number,
  locale: UiLocale,
  params: Readonly<Record<string, string>> = {},
): string {
  return fill(pluralForm(forms, count, locale), { ...params, count: formatNumber(count, locale) }, locale);
}

/** The unfilled form for `count` (for a page that sets the number apart, in bold say). */
export function pluralForm(forms: AnyPluralForms, count: number, locale: UiLocale): string {
  // A browser whose CLDR is older or newer than the build's may name a category the
  // dictionary does not have: `other` is every language's general form.
  return forms[pluralCategory(count, locale)] ?? forms.other;
}

/** A piece of a message: its own text, or the name of a placeholder to put something in. */
export type MessagePart = { text: string } | { name: string };

/**
 * `message` cut at its placeholders, for a page that puts elements (a link, a date) where
 * a translation places them: "Follow them by {rss}." → text, `rss`, text.
 */
export function messageParts(message: string): MessagePart[] {
  return message
    .split(/\{(\w+)\}/)
    .map((piece, i): MessagePart => (i % 2 === 1 ? { name: piece } : { text: piece }))
    .filter((part) => !('text' in part) || part.text !== '');
}
