/**
 * The generated avatar of a person without a photo: their initials on a colour of their
 * own, drawn at build time as inline SVG (no request, no external service).
 */

/** Name parts that are not a family name: "Martin Luther King Jr." → M K. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd']);

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function firstGrapheme(word: string): string {
  for (const { segment } of graphemes.segment(word)) return segment;
  return '';
}

/**
 * Up to two letters: the first of the first and of the last name part ("Fernanda Viégas" →
 * "FV", "Ana María de la Cruz" → "AC"). A name written without spaces, as Chinese, Japanese
 * and Korean names often are, gives its first character ("王小明" → "王").
 */
export function initials(name: string): string {
  const words = name
    .split(/[\s,]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => word !== '' && !SUFFIXES.has(word.toLowerCase().replace(/\.$/, '')));
  if (words.length === 0) return '?';
  const first = firstGrapheme(words[0]);
  if (words.length === 1) return first.toUpperCase();
  // A lower-case particle ("de", "van", "al-") is skipped when a capitalised part follows it.
  const last = [...words.slice(1)].reverse().find((word) => word[0] !== word[0].toLowerCase()) ?? words.at(-1) ?? '';
  return (first + firstGrapheme(last)).toUpperCase();
}

/** A stable hue for a person (FNV-1a of the slug), so the same person keeps one colour. */
export function avatarHue(slug: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}
