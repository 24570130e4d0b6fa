/**
 * Imported abstracts rendered through the site's real Markdown pipeline (the processor in
 * astro.config.mjs: Sätteri with GFM, smart punctuation and KaTeX math, src/lib/markdown.ts): listing text must show
 * literally, only math and the LaTeX text macros may become markup. The same holds for the
 * notes' remark pipeline (`MARKDOWN_ENGINE=remark`), so either engine can render the abstracts.
 */
import { readFileSync } from 'node:fs';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { parseListing } from '../../src/importer/listing.ts';
import { markdownProcessor } from '../../src/lib/markdown.ts';

const INPUT = 'tests/fixtures/listing/markup/input.txt';

/** Every element named `tag` in the tree. */
function elements(node: Root | RootContent, tag: string): Element[] {
  const found: Element[] = [];
  if (node.type === 'element' && node.tagName === tag) found.push(node);
  if ('children' in node) for (const child of node.children) found.push(...elements(child, tag));
  return found;
}

const engines = {
  'the site’s processor (astro.config.mjs)': () => config.markdown?.processor,
  'the remark pipeline (MARKDOWN_ENGINE=remark)': () => markdownProcessor('remark'),
};

describe.each(Object.entries(engines))('an imported abstract rendered by %s', (_name, processorOf) => {
  const pages: { text: string; tree: Root }[] = [];

  beforeAll(async () => {
    const processor = processorOf();
    if (!processor || !('createRenderer' in processor)) throw new Error('astro.config.mjs has no markdown.processor');
    const renderer = await processor.createRenderer({ ...markdownConfigDefaults });
    const { papers, issues } = parseListing(readFileSync(INPUT, 'utf8'), { file: INPUT, asOf: '2026-11-25' });
    expect(issues).toEqual([]);
    for (const paper of papers) {
      const tree = fromHtml((await renderer.render(paper.body)).code, { fragment: true });
      pages.push({ tree, text: toText(tree) });
    }
  });

  describe('on the page', () => {
    it('shows <script> and <b> as text and creates no such elements', () => {
      const [{ tree, text }] = pages;
      expect(text).toContain('We test <script>alert(1)</script> and <b>bold</b> tags');
      expect(elements(tree, 'script')).toHaveLength(0);
      expect(elements(tree, 'b')).toHaveLength(0);
    });

    it('shows Markdown characters in plain text literally', () => {
      const [{ tree, text }] = pages;
      for (const literal of [
        'snake_case names',
        'C# and F# code',
        'a * star, 2 * 3 * 4',
        '[brackets](not-a-link)',
        '&amp; entities',
        '~~tildes~~',
        'a | pipe',
        'Prices such as $5 and $10 stay text',
      ]) {
        expect(text).toContain(literal);
      }
      expect(elements(tree, 'del')).toHaveLength(0);
      expect(elements(tree, 'a').map((link) => link.properties.href)).not.toContain('not-a-link');
    });

    it('does not turn a leading "1." or "#" into a list or heading', () => {
      const { tree, text } = pages[1];
      expect(text).toContain('1. This abstract starts like a numbered list, and # this is not a heading.');
      expect(elements(tree, 'ol')).toHaveLength(0);
      expect(elements(tree, 'h1')).toHaveLength(0);
    });

    it('renders $…$ math with KaTeX', () => {
      const [{ tree }] = pages;
      const annotations = elements(tree, 'annotation').map((node) => toText(node));
      expect(annotations).toEqual(['\\alpha + \\beta_{i}', 'x^2']);
    });

    it('turns \\emph and \\textbf into emphasis and LaTeX accents into letters', () => {
      const [{ tree, text }] = pages;
      expect(elements(tree, 'em').map((node) => toText(node))).toEqual(['Emphasis']);
      expect(elements(tree, 'strong').map((node) => toText(node))).toEqual(['bold text']);
      expect(text).toContain('so are è, é, ö, 87% and &.');
      expect(text).toContain('We use “double” and ‘single’ quotes – and dashes — like these.');
      expect(text).toContain('Unknown \\foo{macro} stays.');
    });

    it('keeps footnotes, closed or not, with their links', () => {
      const [first, , unclosed] = pages;
      const notes = elements(first.tree, 'section').map((node) => toText(node));
      expect(notes.join('')).toContain('See also https://example.org/a_b and the docs.');
      expect(elements(first.tree, 'a').map((link) => link.properties.href)).toEqual(
        expect.arrayContaining([
          'https://github.com/example/snake_case_repo',
          'https://example.org/a_b',
          'https://example.org/docs',
        ]),
      );
      expect(toText(elements(unclosed.tree, 'section')[0])).toContain(
        'Code is available at https://github.com/example/unclosed.',
      );
    });
  });
});
