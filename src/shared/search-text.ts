/**
 * Words as search sees them, the same in the build and in the browser, hosted and offline.
 *
 * Hosted search is stock Pagefind, so its rules are the reference: the offline (file://) index
 * cuts text into the tokens Pagefind indexes (`indexTokens`) and a query into the terms
 * Pagefind searches (`queryTerms`), and a term matches every token it starts. Written by hand
 * because Pagefind's tokenizer lives in its Rust binary and its WASM; the rules follow
 * pagefind/src/fossick/splitting.rs and pagefind_web_js/lib/coupled_search.ts (1.6).
 *
 * Chinese and Japanese are written without spaces, and one Pagefind index can only segment
 * them when the whole index is in that language (it keeps one index per language, and the
 * search page loads its own language's). So text in those scripts is cut into words here,
 * with Intl.Segmenter (ICU's dictionary, in Node and in browsers alike), before either index
 * sees it, and the reader's query the same way before it is searched.
 *
 * Both indexes are in the interface's language (SITE.locale), which picks the stemmer
 * (stemmers.ts); the offline functions below take it, as the build wrote it into the index.
 */
import type { Language } from './i18n/languages.ts';
import { STEMMERS } from './stemmers.ts';

/**
 * What `segment` puts between words written without spaces: FOUR-PER-EM SPACE, white space
 * to Pagefind (so it splits there) but rare in real text, so `unsegment` can take exactly
 * these out again for display. Any already in the text are made plain spaces first.
 */
export const SEGMENT_MARK = '\u2005';

/** Runs of Han, Hiragana and Katakana (with the prolonged sound mark ー). */
const UNSPACED_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

let wordSegmenter: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter | undefined {
  // Browsers without Intl.Segmenter (before 2024 in Firefox) search CJK runs as whole words.
  if (typeof Intl.Segmenter !== 'function') return undefined;
  wordSegmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  return wordSegmenter;
}

/**
 * `text` with its Chinese and Japanese runs cut into words, `separator` (SEGMENT_MARK unless
 * given) between the words and between a run and a letter touching it:
 * "基于深度学习的医学图像" → "基于 深度 学习 的 医学 图像" (with marks for spaces).
 */
export function segment(text: string, separator: string = SEGMENT_MARK): string {
  const plain = text.replaceAll(SEGMENT_MARK, ' ');
  const words = segmenter();
  if (!words) return plain;
  return plain.replace(UNSPACED_RUN, (run: string, offset: number) => {
    // A letter or digit touching the run is another word ("Transformer模型"); punctuation is not.
    const before = offset > 0 && WORD_CHAR.test(plain[offset - 1]) ? separator : '';
    const end = offset + run.length;
    const after = end < plain.length && WORD_CHAR.test(plain[end]) ? separator : '';
    const parts = Array.from(words.segment(run), (part) => part.segment);
    return before + parts.join(separator) + after;
  });
}

/** Text as written again after `segment`: the marks taken out. */
export function unsegment(text: string): string {
  return text.replaceAll(SEGMENT_MARK, '');
}

/**
 * A Pagefind excerpt (HTML where only `<mark>` is markup) without the spaces segmentation put
 * between Chinese or Japanese words: Pagefind joins an excerpt's words with plain spaces, so
 * the marks are gone by then and a space between two such characters is taken out.
 */
export function unsegmentExcerpt(html: string): string {
  return html.replace(
    /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc](?:<\/?mark>)*) (?=(?:<\/?mark>)*[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc])/gu,
    '',
  );
}

/** Japanese voiced and semi-voiced sound marks, which Pagefind keeps ("が" stays "が"). */
const KANA_VOICING = /[\u3099\u309a]/u;

/**
 * Case and accents folded, as Pagefind folds both its index and its queries: "Viégas" →
 * "viegas", Arabic harakat and Hebrew niqqud dropped; but Japanese kana keep their voicing
 * marks (Pagefind's normalizeDiacritics), so "が" does not find "か".
 */
export function fold(text: string): string {
  const stripped = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/(?![\u3099\u309a])\p{M}/gu, '');
  return KANA_VOICING.test(stripped) ? stripped.normalize('NFC') : stripped;
}

const stems = new Map<Language, Map<string, string>>();

/** The stem of a folded word by the stemmer Pagefind uses for `language` (stemmers.ts); memoised. */
export function stem(word: string, language: Language): string {
  let memo = stems.get(language);
  if (!memo) stems.set(language, (memo = new Map()));
  let stemmed = memo.get(word);
  if (stemmed === undefined) {
    stemmed = STEMMERS[language](word);
    memo.set(word, stemmed);
  }
  return stemmed;
}

/** Rust's `char::is_alphanumeric`, which Pagefind uses to keep a word's characters. */
const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const NON_ALPHANUMERIC = /[^\p{Alphabetic}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** More than one byte in UTF-8: Pagefind keeps compound parts of two bytes or more. */
function longEnough(part: string): boolean {
  return part.length > 1 || part.charCodeAt(0) > 0x7f;
}

/**
 * The parts of a compound word as Pagefind's convert_case splits them: at ASCII punctuation,
 * between a lower-case letter and an upper-case one, between letters and digits, and before
 * the last capital of an acronym ("HTMLParser" → html, parser).
 */
function compoundParts(word: string): string[] {
  return word
    .replace(ASCII_PUNCTUATION, ' ')
    .replace(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{Nd})|(?<=\p{Nd})(?=\p{L})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu, ' ')
    .toLowerCase()
    .split(/\s+/u)
    .filter((part) => part !== '');
}

/**
 * The tokens Pagefind indexes for one space-free chunk of text: the chunk's letters and digits
 * as one word, plus, for a compound ("GPT-4", "ThreeAntelopes"), its parts — each folded and
 * stemmed. Parts that keep other characters (a ’ inside a word) could never equal a query term,
 * which has its punctuation removed, so they are left out.
 */
function chunkTokens(chunk: string, language: Language): string[] {
  const chars = Array.from(chunk);
  const whole = chars
    .filter((char) => ALPHANUMERIC.test(char))
    .join('')
    .toLowerCase();
  if (whole === '') return [];
  const tokens = [stem(fold(whole), language)];
  const compound = NON_ALPHANUMERIC.test(chunk) || chars.slice(1).some((char) => /\p{Lu}/u.test(char));
  if (!compound) return tokens;
  const parts = compoundParts(chunk);
  if (parts.length > 1 || !whole.startsWith(parts.join(' '))) {
    for (const part of parts) {
      if (longEnough(part) && !NON_ALPHANUMERIC.test(part)) tokens.push(stem(fold(part), language));
    }
  }
  return tokens;
}

/** The chunks of segmented text: what Pagefind calls words before it cleans them. */
export function chunks(segmented: string): string[] {
  return segmented.split(/\s+/u).filter((chunk) => chunk !== '');
}

/** Every token Pagefind indexes for `text` in an index in `language`, in order (segmentation included). */
export function indexTokens(text: string, language: Language): string[] {
  return chunks(segment(text)).flatMap((chunk) => chunkTokens(chunk, language));
}

/** The tokens of one chunk (for highlighting the words of an excerpt). */
export function tokensOfChunk(chunk: string, language: Language): string[] {
  return chunkTokens(chunk, language);
}

/** Punctuation Pagefind drops from a query: dashes, brackets, quotes and the like (not `_`, `+`, `$`). */
const QUERY_PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/u;

/**
 * The query text to hand to Pagefind: what the reader typed, with Chinese and Japanese runs
 * cut into words the way the index was (plain spaces between them).
 */
export function pagefindQuery(query: string): string {
  return segment(query, ' ').trim();
}

/**
 * The terms Pagefind searches for a query, each folded and stemmed, distinct, in order:
 * punctuation removed ("GPT-4" → "gpt4"), split at spaces. A term matches every indexed token
 * it starts (`matches`).
 */
export function queryTerms(query: string, language: Language): string[] {
  const cleaned = Array.from(pagefindQuery(query))
    .filter((char) => !QUERY_PUNCTUATION.test(char))
    .join('');
  return [
    ...new Set(
      fold(cleaned)
        .split(/\s+/u)
        .filter((word) => word !== '')
        .map((word) => stem(word, language)),
    ),
  ];
}

/** Does the indexed token match the query term? Pagefind finds every word that starts with the term. */
export function matches(token: string, term: string): boolean {
  return token.startsWith(term);
}

/** Words shown in a result's excerpt, hosted and offline (Pagefind's default). */
export const EXCERPT_WORDS = 30;

/** Words shown before the first match in an offline excerpt, so it reads in context. */
const EXCERPT_LEAD = 6;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * About EXCERPT_WORDS words of `text` from a little before the first word a term matches (or
 * from the start), as HTML in which the matching words are wrapped in `<mark>`. Words are
 * Pagefind's chunks, so a CJK word counts as one, and the text reads exactly as written.
 */
export function excerptHtml(text: string, terms: readonly string[], language: Language): string {
  const segmented = segment(text);
  const found = Array.from(segmented.matchAll(/\S+/gu), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    hit: tokensOfChunk(match[0], language).some((token) => terms.some((term) => matches(token, term))),
  }));
  if (found.length === 0) return '';
  const first = Math.max(
    0,
    found.findIndex((word) => word.hit),
  );
  const from = Math.max(0, Math.min(first - EXCERPT_LEAD, found.length - EXCERPT_WORDS));
  const shown = found.slice(from, from + EXCERPT_WORDS);
  let html = '';
  let cursor = shown[0].start;
  for (const word of shown) {
    html += escapeHtml(unsegment(segmented.slice(cursor, word.start)));
    const body = escapeHtml(segmented.slice(word.start, word.end));
    html += word.hit ? `<mark>${body}</mark>` : body;
    cursor = word.end;
  }
  return html;
}
