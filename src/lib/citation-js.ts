/**
 * The one module that talks to Citation.js: formatted references (citeproc-js through
 * `@citation-js/plugin-csl`), RIS out (`@citation-js/plugin-ris`) and RIS / CSL-JSON in.
 * Everything else passes CSL-JSON items (src/lib/csl.ts) and gets strings back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CitationStyle } from '../site.config.ts';
import type { CslItem } from './csl.ts';

export type { CitationStyle } from '../site.config.ts';

/** The locale of the formatted references (bundled with Citation.js, so no download). */
const LOCALE = 'en-US';

/**
 * Prefix of the styles registered here: each site style made standalone (see
 * `standaloneStyle`) under a name no shipped or user style takes.
 */
const STANDALONE = 'paperlist-standalone-';

/**
 * A style made to format each reference as if it were alone, so a whole batch can go
 * through citeproc at once (per-reference calls cost about twice as much at 10,000
 * papers, see bench/PERFORMANCE.md) and each reference still reads as it would by itself:
 * no disambiguation between papers ("2021a", added initials), no "———" for a repeated
 * author, no citation number (a paper page shows one reference, not a numbered list).
 * Written by hand: CSL has no "standalone" switch and these are plain attribute edits.
 */
export function standaloneStyle(xml: string): string {
  return xml
    .replace(
      /\s(?:disambiguate-add-year-suffix|disambiguate-add-names|disambiguate-add-givenname|givenname-disambiguation-rule|subsequent-author-substitute(?:-rule)?|second-field-align)="[^"]*"/g,
      '',
    )
    .replace(/<text\b[^>]*\bvariable="citation-number"[^>]*\/>/g, '');
}

/** The style's XML: shipped with Citation.js, or read from the lab's file. */
function styleXml(style: CitationStyle): string {
  const styles = plugins.config.get('@csl').styles;
  if (style.file) {
    const file = path.resolve(style.file);
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`citation style "${style.id}": cannot read ${file}, expected a CSL style file (.csl)`, {
        cause: error,
      });
    }
  }
  const shipped = styles.get(style.id);
  if (shipped === undefined) {
    throw new Error(
      `citation style "${style.id}" does not ship with Citation.js (apa, vancouver, harvard1 do): give its .csl file as "file"`,
    );
  }
  return shipped;
}

/** Registers the standalone form of `style` once and returns its Citation.js name. */
function registered(style: CitationStyle): string {
  const name = `${STANDALONE}${style.id}`;
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(name)) {
    const xml = styleXml(style);
    if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) {
      throw new Error(
        `citation style "${style.id}": ${style.file ?? style.id} is not a CSL style (no <style> element)`,
      );
    }
    styles.add(name, standaloneStyle(xml));
  }
  return name;
}

/**
 * Papers formatted by one citeproc call: a batch of 1,000 costs about a fifth less per
 * paper than one of 100 and a third of one call per paper, and a larger one saves no
 * more (bench/PERFORMANCE.md).
 */
export const REFERENCE_BATCH = 1000;

/** The opening `<div … class="csl-entry">` and closing `</div>` citeproc wraps each entry in. */
const ENTRY_WRAPPER = /^\s*<div[^>]*class="csl-entry"[^>]*>\s*([\s\S]*?)\s*<\/div>\s*$/;

/**
 * The reference of each item in `style`, as HTML (italics as `<i>`, DOI and URL as
 * links), by item id. Each reads as it would alone (see `standaloneStyle`).
 */
export function formatReferences(items: readonly CslItem[], style: CitationStyle): Map<string, string> {
  const template = registered(style);
  const entries = plugins.output.format('bibliography', items, {
    format: 'html',
    template,
    lang: LOCALE,
    nosort: true,
    hyperlinks: true,
    asEntryArray: true,
  }) as [string, string][];
  return new Map(entries.map(([id, html]) => [id, ENTRY_WRAPPER.exec(html)?.[1] ?? html.trim()]));
}

/** Checks every style once, so a missing or broken `.csl` file fails the build at its start. */
export function checkStyles(styles: readonly CitationStyle[]): void {
  for (const style of styles) registered(style);
}

/** A RIS date (`DA`, `PY`, `Y1`…) `2021/3/5/` with month and day in two digits, as the RIS specification writes them. */
function risDate(value: string): string {
  return value.replace(
    /^(\d{4})\/(\d{1,2})?\/(\d{1,2})?\//,
    (_all, y: string, m = '', d = '') => `${y}/${m.padStart(m ? 2 : 0, '0')}/${d.padStart(d ? 2 : 0, '0')}/`,
  );
}

/**
 * RIS of the items, one record each. Citation.js maps CSL to RIS tags; the lines are
 * written here because its text writer cuts every value at 70 characters, mid-word, and
 * readers (its own included) join the pieces with a space ("influ ence"). A value never
 * spans lines: a line break inside it becomes a space. Two fields Citation.js's table
 * drops are put back: the whole citation key as `ID` (it cuts keys at the 20 characters
 * of the 1990s format; reference managers read longer ones) and a journal's publisher as
 * `PB` (RIS has it for JOUR too).
 */
export function toRis(items: readonly CslItem[]): string {
  if (items.length === 0) return '';
  const records = plugins.output.format('ris', items, { format: 'object' }) as Record<string, string | string[]>[];
  records.forEach((record, i) => {
    record.ID = items[i].id;
    const publisher = items[i].publisher;
    if (record.PB === undefined && publisher) record.PB = publisher;
  });
  return `${records
    .map((record) => {
      const lines = [`TY  - ${String(record.TY)}`];
      for (const [tag, values] of Object.entries(record)) {
        if (tag === 'TY') continue;
        for (const value of [values].flat()) {
          const text = String(value)
            .replace(/\s*\r?\n\s*/g, ' ')
            .trim();
          if (text) lines.push(`${tag}  - ${/^(DA|PY|Y1|Y2)$/.test(tag) ? risDate(text) : text}`);
        }
      }
      lines.push('ER  - ');
      return lines.join('\n');
    })
    .join('\n\n')}\n`;
}

/** The CSL-JSON items of one RIS record (or file), as Citation.js reads it. */
export function parseRisRecords(text: string): Record<string, unknown>[] {
  return plugins.input.chain(text, { forceType: '@ris/file', generateGraph: false });
}

/**
 * CSL-JSON items as Citation.js reads them (it upgrades CSL 1.0.1 variables and
 * normalises names and dates); input must be a list of objects.
 */
export function normaliseCslItems(items: readonly object[]): Record<string, unknown>[] {
  return plugins.input.chain(items, { forceType: '@csl/list+object', generateGraph: false });
}
