/**
 * Every shipped dictionary, by language. The build imports this (src/lib/i18n.ts); browser
 * scripts never do: the page hands them the strings they need (client-strings.ts).
 */
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type EnglishDictionary } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { he } from './he.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import type { Dictionary } from './dictionary.ts';
import type { Language } from './languages.ts';
import { zh } from './zh.ts';

export const DICTIONARIES: { readonly [L in Language]: Dictionary<L, EnglishDictionary> } = {
  en,
  de,
  fr,
  es,
  zh,
  ja,
  ko,
  ar,
  he,
};
