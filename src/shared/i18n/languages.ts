/**
 * The languages the site's interface is shipped in, and what each needs besides its
 * dictionary: writing direction and the plural categories CLDR gives it (the categories a
 * plural message must spell out, checked against `Intl.PluralRules` by the unit tests).
 *
 * `SITE.locale` (src/site.config.ts) is any BCP 47 tag whose language is listed here
 * (`ko`, `de-AT`, `zh-CN`, `ar-EG`, `ar-u-nu-arab`…): its language picks the dictionary, and
 * the whole tag goes to `Intl`, so a region or a numbering system is the lab's to choose.
 */

/** The plural categories of CLDR, as `Intl.PluralRules` names them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Per language: writing direction and the plural categories of its cardinal numbers. */
export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr', plurals: ['one', 'other'] },
  de: { name: 'Deutsch', dir: 'ltr', plurals: ['one', 'other'] },
  fr: { name: 'Français', dir: 'ltr', plurals: ['one', 'many', 'other'] },
  es: { name: 'Español', dir: 'ltr', plurals: ['one', 'many', 'other'] },
  zh: { name: '简体中文', dir: 'ltr', plurals: ['other'] },
  ja: { name: '日本語', dir: 'ltr', plurals: ['other'] },
  ko: { name: '한국어', dir: 'ltr', plurals: ['other'] },
  ar: { name: 'العربية', dir: 'rtl', plurals: ['zero', 'one', 'two', 'few', 'many', 'other'] },
  he: { name: 'עברית', dir: 'rtl', plurals: ['one', 'two', 'other'] },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; plurals: readonly PluralCategory[] }>;

export type Language = keyof typeof LANGUAGES;

/** The plural categories of `L`. */
export type PluralCategoryOf<L extends Language> = (typeof LANGUAGES)[L]['plurals'][number];

export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

/** Is `code` one of the shipped languages? */
export function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code);
}

/**
 * The locale of the interface as the build resolved it, handed as is to the browser (which
 * never resolves it again): the tag for `Intl` with its numbering system spelled out, so
 * Node's ICU and the reader's browser write the same digits.
 */
export interface UiLocale {
  /** BCP 47 tag for `Intl`, e.g. `ko`, `ar-u-nu-latn`. */
  tag: string;
  /** The tag for `<html lang>`, RSS `<language>` and the like: language, script and region only. */
  lang: string;
  /** The language of the dictionary. */
  language: Language;
  dir: 'ltr' | 'rtl';
}

/**
 * The interface locale for a BCP 47 tag. Throws, naming the shipped languages, for a tag
 * that is not one (a typo in `SITE.locale` or `SITE_LOCALE` must not quietly build an
 * English site). Chinese is shipped in simplified script: `zh-TW` and `zh-Hant` are refused.
 */
export function resolveLocale(tag: string): UiLocale {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim());
  } catch (error) {
    throw new Error(`locale "${tag}" is not a BCP 47 language tag (e.g. "ko", "de", "zh-CN", "ar")`, {
      cause: error,
    });
  }
  const language = locale.language;
  const shipped = LANGUAGE_CODES.join(', ');
  if (!isLanguage(language)) {
    throw new Error(`locale "${tag}": the interface is not translated into "${language}" (shipped: ${shipped})`);
  }
  if (language === 'zh' && locale.maximize().script !== 'Hans') {
    throw new Error(`locale "${tag}": Chinese is shipped in simplified script only (use zh-CN or zh-Hans)`);
  }
  const numberingSystem =
    locale.numberingSystem ?? new Intl.NumberFormat(locale.baseName).resolvedOptions().numberingSystem;
  return {
    tag: new Intl.Locale(locale.baseName, { numberingSystem }).toString(),
    lang: locale.baseName,
    language,
    dir: LANGUAGES[language].dir,
  };
}

/** Open Graph's `og:locale` (`language_TERRITORY`): `ko` → `ko_KR`, `ar` → `ar_EG`, `de-AT` → `de_AT`. */
export function openGraphLocale(locale: UiLocale): string {
  const full = new Intl.Locale(locale.lang).maximize();
  return full.region ? `${full.language}_${full.region}` : full.language;
}
