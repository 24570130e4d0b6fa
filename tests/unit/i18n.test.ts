/**
 * The interface dictionaries and the formatting every page and script goes through: every
 * language has every key with the placeholders English has and exactly the plural forms its
 * language needs; plurals, numbers, dates and lists come out as each language writes them.
 */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../src/shared/i18n/dictionaries.ts';
import { formatPaperDate } from '../../src/shared/i18n/dates.ts';
import { fill, formatList, formatYearRange, isolate, plural } from '../../src/shared/i18n/format.ts';
import {
  LANGUAGES,
  LANGUAGE_CODES,
  openGraphLocale,
  resolveLocale,
  type Language,
} from '../../src/shared/i18n/languages.ts';
import type { AnyPluralForms } from '../../src/shared/i18n/dictionary.ts';

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

type Leaf = { path: string; value: string | Record<string, string> };

/** Every message of a dictionary with its dotted path; plural forms are one leaf. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, value: node }];
  const record = node as Record<string, unknown>;
  const plural = 'other' in record && Object.keys(record).every((key) => PLURAL_CATEGORIES.includes(key));
  if (plural) return [{ path, value: record as Record<string, string> }];
  return Object.entries(record).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const english = new Map(leaves(DICTIONARIES.en).map((leaf) => [leaf.path, leaf.value]));

/** The whole numbers 0–1000 that fall in `category` in `language`. */
function numbersIn(language: Language, category: string): number[] {
  const rules = new Intl.PluralRules(language);
  return Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category);
}

describe('the dictionaries', () => {
  it.each(LANGUAGE_CODES)('%s has exactly the messages English has', (language) => {
    expect(leaves(DICTIONARIES[language]).map((leaf) => leaf.path)).toEqual([...english.keys()]);
  });

  it.each(LANGUAGE_CODES)('%s lists the plural categories Intl.PluralRules gives its language', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    expect([...LANGUAGES[language].plurals].sort()).toEqual([...categories].sort());
  });

  it.each(LANGUAGE_CODES)('%s keeps every placeholder of each English message, and no other', (language) => {
    for (const { path, value } of leaves(DICTIONARIES[language])) {
      const source = english.get(path);
      if (typeof value === 'string') {
        expect(placeholders(value), `${language} ${path}`).toEqual(placeholders(source as string));
        continue;
      }
      const wanted = placeholders((source as AnyPluralForms).other);
      expect(Object.keys(value).sort(), `${language} ${path}`).toEqual([...LANGUAGES[language].plurals].sort());
      for (const [category, form] of Object.entries(value)) {
        // A form for one exact number ("ورقتان", "מאמר אחד") may leave the number unsaid.
        const optional = numbersIn(language, category).length === 1 ? ['{count}'] : [];
        const required = wanted.filter((name) => !optional.includes(name));
        expect(
          placeholders(form).filter((name) => !optional.includes(name)),
          `${language} ${path}.${category}`,
        ).toEqual(required);
      }
    }
  });

  it.each(LANGUAGE_CODES.filter((language) => language !== 'en'))(
    '%s translates its sentences rather than copying English',
    (language) => {
      // Names, formats and short terms may be the same (BibTeX, Sitemap, et al.); sentences may not,
      // and no plural form may be one of English's forms.
      const isSentence = (text: string) => /\p{L}+\s+\p{L}+\s+\p{L}+/u.test(text);
      const copied = leaves(DICTIONARIES[language]).flatMap(({ path, value }) => {
        const source = english.get(path);
        if (typeof value === 'string') return isSentence(value) && value === source ? [path] : [];
        const englishForms = Object.values(source as Record<string, string>);
        return Object.entries(value)
          .filter(([, form]) => isSentence(form) && englishForms.includes(form))
          .map(([category]) => `${path}.${category}`);
      });
      expect(copied).toEqual([]);
    },
  );
});

describe('the interface locale', () => {
  it('resolves a tag to its dictionary, direction and digits, and refuses what is not shipped', () => {
    expect(resolveLocale('ko')).toEqual({ tag: 'ko-u-nu-latn', lang: 'ko', language: 'ko', dir: 'ltr' });
    expect(resolveLocale('ar')).toMatchObject({ lang: 'ar', language: 'ar', dir: 'rtl' });
    expect(resolveLocale('ar-u-nu-arab')).toMatchObject({ tag: 'ar-u-nu-arab', lang: 'ar', dir: 'rtl' });
    expect(resolveLocale('he-IL')).toMatchObject({ lang: 'he-IL', language: 'he', dir: 'rtl' });
    expect(resolveLocale('zh-CN')).toMatchObject({ lang: 'zh-CN', language: 'zh' });
    expect(() => resolveLocale('zh-TW')).toThrow(/simplified/);
    expect(() => resolveLocale('pt-BR')).toThrow(/not translated into "pt" \(shipped: en, de/);
    expect(() => resolveLocale('not a tag')).toThrow(/not a BCP 47 language tag/);
  });

  it('names the Open Graph locale with a territory', () => {
    expect(openGraphLocale(resolveLocale('ko'))).toBe('ko_KR');
    expect(openGraphLocale(resolveLocale('de-AT'))).toBe('de_AT');
    expect(openGraphLocale(resolveLocale('en'))).toBe('en_US');
    expect(openGraphLocale(resolveLocale('he'))).toBe('he_IL');
  });
});

describe('formatting', () => {
  const ar = resolveLocale('ar');
  const ko = resolveLocale('ko');
  const en = resolveLocale('en');

  it('picks the plural form by Intl.PluralRules, with all six Arabic forms', () => {
    const forms = DICTIONARIES.ar.counts.papers;
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(forms, n, ar))).toEqual([
      'لا أوراق',
      'ورقة واحدة',
      'ورقتان',
      '3 أوراق',
      '11 ورقة',
      '100 ورقة',
    ]);
    expect(plural(DICTIONARIES.en.counts.papers, 1, en)).toBe('1 paper');
    expect(plural(DICTIONARIES.en.counts.papers, 1234, en)).toBe('1,234 papers');
    expect(plural(DICTIONARIES.ko.counts.papers, 3, ko)).toBe('논문 3편');
    expect(plural(DICTIONARIES.fr.counts.papers, 1_000_000, resolveLocale('fr'))).toBe(
      '1\u202f000\u202f000 d’articles',
    );
  });

  it('writes digits in the numbering system the locale asks for', () => {
    expect(plural(DICTIONARIES.ar.counts.papers, 3, resolveLocale('ar-u-nu-arab'))).toBe('٣ أوراق');
    expect(formatPaperDate('2023-03-09', 'day', resolveLocale('ar-u-nu-arab'))).toBe('٩ مارس ٢٠٢٣');
  });

  it('writes dates as each language does, as far as they are known', () => {
    expect(formatPaperDate('2023-03-09', 'day', ko)).toBe('2023년 3월 9일');
    expect(formatPaperDate('2023-03-01', 'month', ko)).toBe('2023년 3월');
    expect(formatPaperDate('2023-01-01', 'year', ko)).toBe('2023년');
    expect(formatPaperDate('2023-03-09', 'day', resolveLocale('de'))).toBe('9. März 2023');
    expect(formatPaperDate('2023-03-01', 'month', resolveLocale('es'))).toBe('marzo de 2023');
    expect(formatPaperDate('2023-03-09', 'day', ar)).toBe('9 مارس 2023');
    expect(formatPaperDate('2023-03-09', 'day', resolveLocale('zh-CN'))).toBe('2023年3月9日');
    expect(formatPaperDate('2023-03-09', 'day', en)).toBe('9 March 2023');
  });

  it('isolates inserted text in a right-to-left interface, and only right-to-left text in a left-to-right one', () => {
    expect(fill('قائمة القراءة: {title}', { title: 'GPT-4 Technical Report' }, ar)).toBe(
      'قائمة القراءة: \u2068GPT-4 Technical Report\u2069',
    );
    expect(fill('Reading list: {title}', { title: 'GPT-4' }, en)).toBe('Reading list: GPT-4');
    expect(isolate('تحليل المشاعر', en)).toBe('\u2068تحليل المشاعر\u2069');
    expect(() => fill('Reading list: {title}', {}, en)).toThrow(/needs a value for \{title\}/);
  });

  it('joins lists and spans of years in the language’s words', () => {
    expect(formatList(['A', 'B', 'C'], en)).toBe('A, B, and C');
    expect(formatList(['가', '나'], ko)).toBe('가 및 나');
    expect(formatYearRange(2021, 2026, en)).toBe('2021–2026');
    expect(formatYearRange(2021, 2021, en)).toBe('2021');
  });
});
