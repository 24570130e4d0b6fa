/**
 * Is a translated interface free of English? What a reader of a Korean or Arabic site gets
 * (text, `aria-label`, `title`, `placeholder`, `alt`, the page title and description) is
 * checked against the English dictionary: no English message is left whole, and no piece
 * of one (the words between its placeholders) is left inside other text. Paper content
 * stays as written, so what the site marks as content is left out: elements with
 * `dir="auto"` (titles, names, abstracts, venues, tags), abstracts and notes, citations,
 * BibTeX, scripts; and the lab's own settings (the site's title, description, intro).
 */
import type { Element, Root, RootContent } from 'hast';
import { DICTIONARIES } from '../../src/shared/i18n/dictionaries.ts';
import type { Language } from '../../src/shared/i18n/languages.ts';

/** Every text of a dictionary: each message, and each plural form, with its dotted path. */
function texts(node: unknown, path = ''): { path: string; text: string }[] {
  if (typeof node === 'string') return [{ path, text: node }];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    texts(child, path ? `${path}.${key}` : key),
  );
}

/** An English message, or a piece of one, that a translated page must not show. */
export interface EnglishPiece {
  /** The dictionary path it comes from, to name in a failure. */
  path: string;
  text: string;
  /** A single word is only English when it is the whole text ("Topics"), not inside a sentence. */
  whole: boolean;
}

/**
 * The English a `language` site must not show: each English message cut at its
 * placeholders, every piece with a word of three letters or more. Pieces the language's own
 * dictionary also uses (names such as "BibTeX" or "RSS", "DOI") are not English there.
 */
export function englishPieces(language: Language): EnglishPiece[] {
  const own = texts(DICTIONARIES[language])
    .map((entry) => entry.text)
    .join('\n');
  const pieces = new Map<string, EnglishPiece>();
  for (const { path, text } of texts(DICTIONARIES.en)) {
    for (const raw of text.split(/\{\w+\}/)) {
      const piece = raw.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
      if (!/\p{L}{3}/u.test(piece) || own.includes(piece)) continue;
      pieces.set(piece, { path, text: piece, whole: !/\s/.test(piece) });
    }
  }
  return [...pieces.values()];
}

/** The English pieces found in `shown` (texts a reader gets), as "piece (path) in: text" lines. */
export function englishLeft(shown: readonly string[], pieces: readonly EnglishPiece[]): string[] {
  const found: string[] = [];
  for (const text of shown) {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed === '') continue;
    for (const piece of pieces) {
      const hit = piece.whole
        ? trimmed.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '') === piece.text
        : new RegExp(`(^|[^\\p{L}])${escape(piece.text)}($|[^\\p{L}])`, 'u').test(trimmed);
      if (hit) found.push(`"${piece.text}" (en.${piece.path}) in: ${trimmed.slice(0, 160)}`);
    }
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Elements whose text is paper content or machine data, not interface. */
function isContent(element: Element): boolean {
  const classes = element.properties.className;
  const classList = Array.isArray(classes) ? classes.map(String) : [];
  return (
    element.properties.dir === 'auto' ||
    ['script', 'style', 'pre', 'code', 'cite', 'math', 'svg'].includes(element.tagName) ||
    classList.some((name) => ['abstract-text', 'note-body', 'katex', 'profile-bio'].includes(name))
  );
}

const SHOWN_ATTRIBUTES = ['ariaLabel', 'title', 'placeholder', 'alt'];
const SHOWN_META = new Set(['description', 'og:title', 'og:description', 'og:site_name']);

/**
 * The texts a reader gets from a page, interface only: text nodes (template contents too,
 * which scripts show), the attributes people read or hear, `<title>` and the description
 * meta tags, with `settings` (the lab's own words) cut out.
 */
export function interfaceTexts(tree: Root, settings: readonly string[]): string[] {
  const out: string[] = [];
  const clean = (text: string) => settings.reduce((rest, setting) => rest.split(setting).join(' '), text);
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text') out.push(clean(node.value));
    if (node.type === 'root') node.children.forEach(visit);
    if (node.type !== 'element') return;
    if (node.tagName === 'meta') {
      const name = String(node.properties.name ?? node.properties.property ?? '');
      if (SHOWN_META.has(name)) out.push(clean(String(node.properties.content ?? '')));
      return;
    }
    if (isContent(node)) return;
    for (const attribute of SHOWN_ATTRIBUTES) {
      const value = node.properties[attribute];
      if (typeof value === 'string') out.push(clean(value));
    }
    node.children.forEach(visit);
    if (node.content) visit(node.content);
  };
  visit(tree);
  return out;
}
