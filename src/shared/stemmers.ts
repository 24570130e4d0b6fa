/**
 * The stemmer Pagefind uses for each interface language, so the offline index stems as the
 * hosted one does. Pagefind (1.6, pagefind/src/fossick/mod.rs `get_stemmer`) stems with
 * Snowball for English, German, French, Spanish and Arabic among the shipped languages, and
 * not at all for Chinese, Japanese, Korean and Hebrew. English keeps wink's Porter2 (the
 * offline index's stemmer before there were languages); the others are Snowball's own
 * generated JavaScript, packaged by @orama/stemmers.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import porter2 from 'wink-porter2-stemmer';
import type { Language } from './i18n/languages.ts';

const unchanged = (word: string): string => word;

export const STEMMERS: Record<Language, (word: string) => string> = {
  en: porter2,
  de: german,
  fr: french,
  es: spanish,
  ar: arabic,
  zh: unchanged,
  ja: unchanged,
  ko: unchanged,
  he: unchanged,
};
