/**
 * The frontmatter's YAML text. `yaml.stringify` (the `yaml` package) is the reference and
 * writes anything unusual; `frontmatterYaml` writes the common shapes itself and must give
 * the very same bytes (tests compare both on every seed, fixture and thousands of
 * generated entries).
 *
 * Why not `yaml.stringify` alone: it was two thirds of the time of a 10,000-entry import
 * (target: under 3 s). Nearly all of it goes to deciding, per string, whether it may stay
 * unquoted; for the strings listings are made of (names, titles without `: `, codes,
 * URLs) the answer is a simple pattern, and every other string still asks `yaml`.
 */
import { stringify } from 'yaml';

/** How frontmatter is written (both paths): no folding, 2-space indents, no aliases. */
export const YAML_OPTIONS = {
  lineWidth: 0,
  indent: 2,
  indentSeq: true,
  defaultStringType: 'PLAIN',
  // No anchors (&a / *a) even if two fields share a value; it also skips a costly scan.
  aliasDuplicateObjects: false,
} as const;

/**
 * A string that YAML 1.2 reads back as the same string without quotes, in block context:
 * it starts with a letter, has no control or line-separator characters, no `: ` or ` #`,
 * and does not end in `:` or a space. (Strings starting with a letter can only be
 * mistaken for `true`/`false`/`null`, checked separately.)
 */
const PLAIN = /^\p{L}(?:[^\p{Cc}\p{Cf}\u2028\u2029:#]|:(?=\S)|(?<=\S)#)*(?<![ :])$/u;
const RESERVED = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `yaml`'s one-line form of a value as a mapping value (a document of its own may differ:
 * `---` alone is written as a block scalar there), or undefined if it takes more lines.
 */
function askYaml(value: string | number): string | undefined {
  const line = stringify({ v: value }, YAML_OPTIONS).slice(3, -1);
  return line.includes('\n') ? undefined : line;
}

/** One scalar as `yaml` writes it in a block mapping or sequence, or undefined if it is not one. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if ((PLAIN.test(value) && !RESERVED.test(value)) || ISO_DATE.test(value)) return value;
    return askYaml(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return askYaml(value);
  return undefined;
}

/** The lines of one `key: value` pair, or undefined for shapes left to `yaml`. */
function pair(key: string, value: unknown): string | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${key}: []\n`;
    let lines = `${key}:\n`;
    for (const item of value) {
      const text = scalar(item);
      if (text === undefined) return undefined;
      lines += `  - ${text}\n`;
    }
    return lines;
  }
  if (value !== null && typeof value === 'object') {
    if (Object.keys(value).length === 0) return undefined;
    let lines = `${key}:\n`;
    for (const [innerKey, inner] of Object.entries(value)) {
      const text = scalar(inner);
      if (text === undefined || !/^[A-Za-z]+$/.test(innerKey)) return undefined;
      lines += `  ${innerKey}: ${text}\n`;
    }
    return lines;
  }
  const text = scalar(value);
  return text === undefined ? undefined : `${key}: ${text}\n`;
}

/** `data` as YAML, byte for byte what `yaml.stringify(data, YAML_OPTIONS)` writes. */
export function frontmatterYaml(data: Record<string, unknown>): string {
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const lines = /^[A-Za-z]+$/.test(key) ? pair(key, value) : undefined;
    if (lines === undefined) return stringify(data, YAML_OPTIONS);
    out += lines;
  }
  return out;
}
