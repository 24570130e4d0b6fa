/**
 * Dates as readers see them. A paper's date is `YYYY-MM-DD` text plus how much of it is
 * known: BibTeX entries often give only a year ("2023") or a month ("March 2023").
 */
import { format } from 'date-fns';
import type { PaperData } from '../schema.ts';

export type DatePrecision = PaperData['datePrecision'];

const PATTERNS: Record<DatePrecision, string> = {
  day: 'd MMMM yyyy',
  month: 'MMMM yyyy',
  year: 'yyyy',
};

/** Local-midnight Date for `YYYY-MM-DD`, so formatting never shifts the day by a time zone. */
export function toLocalDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** `2022-06-09` → "9 June 2022"; with precision `year` → "2022". */
export function formatPaperDate(isoDate: string, precision: DatePrecision): string {
  return format(toLocalDate(isoDate), PATTERNS[precision]);
}

/** The date as much as it is known, for `<time datetime>`: `2022`, `2022-06` or `2022-06-09`. */
export function machineDate(isoDate: string, precision: DatePrecision): string {
  if (precision === 'year') return isoDate.slice(0, 4);
  if (precision === 'month') return isoDate.slice(0, 7);
  return isoDate;
}

/** How an undated paper's date reads ("no date", as citation styles write it). */
export const UNDATED_LABEL = 'n.d.';
