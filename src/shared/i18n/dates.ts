/**
 * Dates as readers see them, in the interface's language: a paper's date as far as it is
 * known (BibTeX often gives only a year or a month), through date-fns's locale for a full
 * date and `Intl` for a month or a year, whose order date-fns patterns cannot know
 * ("March 2023" but "2023년 3월"). The same module formats in the build and the browser; the
 * browser is handed the build's locale.
 */
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { ar, de, enGB, es, fr, he, ja, ko, zhCN } from 'date-fns/locale';
import type { Language, UiLocale } from './languages.ts';

export type DatePrecision = 'day' | 'month' | 'year';

/**
 * date-fns's locale per language. English is British English: day before month ("9 June
 * 2022"), as the site has always written it and as most research labs outside the US read.
 */
const DATE_FNS_LOCALES: Record<Language, Locale> = { en: enGB, de, fr, es, zh: zhCN, ja, ko, ar, he };

/** Local-midnight Date for `YYYY-MM-DD`, so formatting never shifts the day by a time zone. */
export function toLocalDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/**
 * Digits as the locale writes them: date-fns writes 0–9 whatever the language, `Intl` the
 * locale's numbering system (an Arabic site may ask for ٠–٩ with `ar-u-nu-arab`).
 */
function localDigits(text: string, locale: UiLocale): string {
  const digits = new Intl.NumberFormat(locale.tag, { useGrouping: false });
  if (digits.format(0) === '0') return text;
  return text.replace(/[0-9]/g, (digit) => digits.format(Number(digit)));
}

/**
 * `2022-06-09` as the interface writes a date as far as it is known: day → "9 June 2022",
 * "9. Juni 2022", "2022년 6월 9일"; month → "June 2022", "2022년 6월"; year → "2022", "2022년".
 */
export function formatPaperDate(isoDate: string, precision: DatePrecision, locale: UiLocale): string {
  const date = toLocalDate(isoDate);
  if (precision === 'day') {
    // date-fns's long date ("PPP") is each language's own order and month names.
    return localDigits(format(date, 'PPP', { locale: DATE_FNS_LOCALES[locale.language] }), locale);
  }
  const parts: Intl.DateTimeFormatOptions =
    precision === 'month' ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale.tag, parts).format(date);
}

/** The date as much as it is known, for `<time datetime>`: `2022`, `2022-06` or `2022-06-09`. */
export function machineDate(isoDate: string, precision: DatePrecision): string {
  if (precision === 'year') return isoDate.slice(0, 4);
  if (precision === 'month') return isoDate.slice(0, 7);
  return isoDate;
}

/** The weekday of `YYYY-MM-DD` in the locale's words: "Tuesday", "화요일", "الثلاثاء". */
export function formatWeekday(isoDate: string, locale: UiLocale): string {
  return new Intl.DateTimeFormat(locale.tag, { weekday: 'long' }).format(toLocalDate(isoDate));
}

/**
 * A wall-clock time on the 24-hour clock the lab writes session times in ("16:00"), in the
 * locale's digits. `timeZone` reads an instant in that zone; without it `date` is read as local.
 */
export function formatClockTime(date: Date, locale: UiLocale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale.tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    date,
  );
}

/**
 * An IANA time zone as the locale names it (CLDR's generic name): "Eastern Time", "미 동부
 * 시간", "التوقيت الشرقي لأمريكا الشمالية". A zone without a region ("UTC") keeps its id.
 */
export function formatTimeZone(timeZone: string, locale: UiLocale): string {
  if (!timeZone.includes('/')) return timeZone;
  const parts = new Intl.DateTimeFormat(locale.tag, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(0);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
