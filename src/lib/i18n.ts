/**
 * The interface language of this build: `SITE.locale` resolved once, its dictionary, and
 * the formatting helpers bound to it. Pages, layouts, components, feeds and src/lib read
 * their interface strings from `t` and format through these; nothing shown to a reader is
 * written in English inside a page (src/shared/i18n/ has the dictionaries and how to add a
 * string).
 */
import { SITE } from '../site.config.ts';
import { DICTIONARIES } from '../shared/i18n/dictionaries.ts';
import type { AnyPluralForms } from '../shared/i18n/dictionary.ts';
import {
  formatClockTime,
  formatPaperDate,
  formatTimeZone,
  formatWeekday,
  type DatePrecision,
} from '../shared/i18n/dates.ts';
import {
  fill,
  formatList,
  formatNumber,
  formatYear,
  formatYearRange,
  plural,
  pluralForm,
} from '../shared/i18n/format.ts';
import { openGraphLocale, resolveLocale } from '../shared/i18n/languages.ts';
import type { Part, UiStrings } from '../shared/i18n/client-strings.ts';

/** The interface locale (resolved from `SITE.locale`). */
export const LOCALE = resolveLocale(SITE.locale);

/** The interface strings in the site's language. */
export const t = DICTIONARIES[LOCALE.language];

/** `og:locale` of every page. */
export const OG_LOCALE = openGraphLocale(LOCALE);

/** A message with its `{name}` placeholders filled. */
export const fillMessage = (message: string, params: Readonly<Record<string, string>> = {}): string =>
  fill(message, params, LOCALE);

/** A plural message for `n`: `countText(t.counts.papers, 3)` → "3 papers", "논문 3편". */
export const countText = (forms: AnyPluralForms, n: number, params: Readonly<Record<string, string>> = {}): string =>
  plural(forms, n, LOCALE, params);

/**
 * A plural message for `n` cut around its number, for pages that set the number apart:
 * "50 papers" → { before: '', number: '50', after: ' papers' }; "논문 50편" → '논문 ', '50', '편'.
 * `number` is undefined in a form that says the number in words ("ورقتان").
 */
export function countParts(forms: AnyPluralForms, n: number): { before: string; number?: string; after: string } {
  const form = pluralForm(forms, n, LOCALE);
  const at = form.indexOf('{count}');
  if (at === -1) return { before: fillMessage(form), after: '' };
  return {
    before: fillMessage(form.slice(0, at)),
    number: formatNumber(n, LOCALE),
    after: fillMessage(form.slice(at + '{count}'.length)),
  };
}

/** A number as the interface writes it. */
export const numberText = (n: number): string => formatNumber(n, LOCALE);

/** A year as the interface writes its digits. */
export const yearText = (value: number | string): string => formatYear(value, LOCALE);

/** A span of years, "2021–2026". */
export const yearRangeText = (from: number, to: number): string => formatYearRange(from, to, LOCALE);

/** Names joined in the interface's words: "A, B and C". */
export const listText = (items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string =>
  formatList(items, LOCALE, type);

/** A paper's date as far as known, or the undated label. */
export function paperDate(isoDate: string | undefined, precision: DatePrecision): string {
  return isoDate === undefined ? t.dates.undated : formatPaperDate(isoDate, precision, LOCALE);
}

/** The locale and the dictionary `parts` a page's scripts read (src/shared/i18n/client-strings.ts). */
export function uiStrings(parts: readonly Part[]): UiStrings {
  const strings = Object.fromEntries(parts.map((part) => [part, t[part]]));
  return { locale: LOCALE, strings: strings as UiStrings['strings'] };
}

/** A session's day with its weekday: "Tuesday 8 December 2026", "2026년 12월 8일 화요일". */
export function weekdayDate(isoDate: string): string {
  return fillMessage(t.sessions.weekdayDate, {
    weekday: formatWeekday(isoDate, LOCALE),
    date: formatPaperDate(isoDate, 'day', LOCALE),
  });
}

/** A wall-clock time, "16:00" (of `date` in `timeZone` when given). */
export const clockTime = (date: Date, timeZone?: string): string => formatClockTime(date, LOCALE, timeZone);

/** An IANA time zone's name in the interface's language: "Eastern Time". */
export const timeZoneName = (timeZone: string): string => formatTimeZone(timeZone, LOCALE);
