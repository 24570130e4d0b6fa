/**
 * Notes render through remark (src/lib/markdown.ts): GFM, math with the site's KaTeX, smart
 * punctuation, ids that cannot clash between notes, headings under the note's own heading,
 * site paths made into links, and extra plugins from the site config.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import { describe, expect, it } from 'vitest';
import { createRemarkRenderer, type RemarkOptions } from '../../src/lib/markdown.ts';

function all(node: Root | RootContent, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  if (node.type === 'element' && test(node)) found.push(node);
  if ('children' in node) for (const child of node.children) found.push(...all(child, test));
  return found;
}
const byTag = (tree: Root | Element, tag: string) => all(tree, (element) => element.tagName === tag);
const classes = (element: Element) => (element.properties.className as string[] | undefined) ?? [];
const byClass = (tree: Root | Element, name: string) => all(tree, (element) => classes(element).includes(name));

const noteOptions: RemarkOptions = {
  idPrefix: 'note-a-',
  topHeadingLevel: 4,
  sitePath: (path: string) => `/lab${path}`,
};

async function render(markdown: string, options = noteOptions) {
  const { html, text } = await createRemarkRenderer(options)(markdown);
  return { html, text, tree: fromHtml(html, { fragment: true }) };
}

describe('math in a note', () => {
  it('renders $inline$ math with the site’s KaTeX, as HTML and MathML with the TeX kept', async () => {
    const { tree } = await render('The update $W_0 + \\Delta$ of a layer.');
    const [math] = byClass(tree, 'katex');
    expect(math).toBeDefined();
    expect(byClass(tree, 'katex-display')).toHaveLength(0);
    expect(byClass(math, 'katex-html')).toHaveLength(1);
    expect(byTag(tree, 'annotation').map((node) => toText(node))).toEqual(['W_0 + \\Delta']);
  });

  it('renders a $$ block and a one-line $$…$$ as display math', async () => {
    const { tree } = await render('$$\nE = mc^2\n$$\n\nAnd $$\\sum_i x_i$$ alone.');
    expect(byClass(tree, 'katex-display')).toHaveLength(2);
    expect(byTag(tree, 'annotation').map((node) => toText(node))).toEqual(['E = mc^2', '\\sum_i x_i']);
    expect(byTag(tree, 'code')).toHaveLength(0);
  });

  it('shows bad TeX as its source in red instead of failing', async () => {
    const { tree } = await render('Broken $\\frac{1}{$ here.');
    expect(byClass(tree, 'katex-error').map((node) => toText(node))).toEqual(['\\frac{1}{']);
  });

  it('writes math as MathML alone for feeds, where the site’s CSS is missing', async () => {
    const { tree } = await render('Feed $x^2$.', { ...noteOptions, math: 'mathml' });
    expect(byTag(tree, 'math')).toHaveLength(1);
    expect(byClass(tree, 'katex-html')).toHaveLength(0);
  });
});

describe('footnotes, tables, code and typography', () => {
  it('prefixes every footnote id, the footnotes heading and the references to it, so two notes on a page cannot clash', async () => {
    const { tree } = await render('A claim.[^a]\n\n[^a]: The source.');
    const ids = all(tree, (element) => element.properties.id !== undefined).map((element) =>
      String(element.properties.id),
    );
    expect(ids.sort()).toEqual(['note-a-fn-a', 'note-a-fnref-a', 'note-a-footnote-label']);
    const [reference] = all(tree, (element) => element.properties.dataFootnoteRef !== undefined);
    expect(reference.properties.href).toBe('#note-a-fn-a');
    expect(reference.properties.ariaDescribedBy).toEqual(['note-a-footnote-label']);
    const [backReference] = all(tree, (element) => element.properties.dataFootnoteBackref !== undefined);
    expect(backReference.properties.href).toBe('#note-a-fnref-a');
    // The hidden heading of the footnotes sits at the note's top heading level.
    expect(byTag(tree, 'h4').map((node) => toText(node))).toEqual(['Footnotes']);
  });

  it('renders a table with its alignment as CSS, not the obsolete align attribute', async () => {
    const { tree, html } = await render('| method | edits |\n| :----- | ----: |\n| MEMIT | 10,000 |');
    expect(byTag(tree, 'th').map((cell) => toText(cell))).toEqual(['method', 'edits']);
    expect(byTag(tree, 'td').map((cell) => [toText(cell), cell.properties.style])).toEqual([
      ['MEMIT', 'text-align:left'],
      ['10,000', 'text-align:right'],
    ]);
    expect(html).not.toContain('align=');
  });

  it('keeps code as written, with its language, and leaves quotes in code straight', async () => {
    const { tree } = await render('```python\nprint("a -- b")\n```\n\nSay `"x"`.');
    const [block] = byTag(tree, 'code');
    expect(classes(block)).toEqual(['language-python']);
    expect(toText(block)).toBe('print("a -- b")');
    expect(toText(byTag(tree, 'code')[1])).toBe('"x"');
  });

  it('makes quotes, dashes and ellipses typographic in prose', async () => {
    const { text } = await render('"Editing is cheap" -- it\'s the checking... that costs.');
    expect(text).toBe('“Editing is cheap” — it’s the checking… that costs.');
  });

  it('renders GFM strikethrough, task lists, block quotes and autolinks', async () => {
    const { tree } = await render('~~old~~ new\n\n- [x] read it\n\n> quoted\n\nSee https://example.com/x.');
    expect(byTag(tree, 'del').map((node) => toText(node))).toEqual(['old']);
    expect(byTag(tree, 'input').map((input) => input.properties.checked)).toEqual([true]);
    expect(byTag(tree, 'blockquote')).toHaveLength(1);
    expect(byTag(tree, 'a').map((link) => link.properties.href)).toEqual(['https://example.com/x']);
  });
});

describe('headings and links', () => {
  it('moves the note’s highest heading to h4 and the others with it, whether it starts at # or ##', async () => {
    const fromOne = await render('# One\n\n## Two\n\ntext');
    expect(byTag(fromOne.tree, 'h4').map((node) => toText(node))).toEqual(['One']);
    expect(byTag(fromOne.tree, 'h5').map((node) => toText(node))).toEqual(['Two']);
    const fromTwo = await render('## Questions\n\ntext');
    expect(byTag(fromTwo.tree, 'h4').map((node) => toText(node))).toEqual(['Questions']);
  });

  it('leaves headings as written without a top level (the abstracts’ pipeline)', async () => {
    const { tree } = await render('## Kept\n\ntext', {});
    expect(byTag(tree, 'h2').map((node) => toText(node))).toEqual(['Kept']);
  });

  it('passes site paths (links starting with /) to the site, and leaves other links alone', async () => {
    const { tree } = await render(
      '[a paper](/papers/x/), [a page](https://example.com/y), [a section](#here), [protocol-relative](//cdn.example/z)',
    );
    expect(byTag(tree, 'a').map((link) => link.properties.href)).toEqual([
      '/lab/papers/x/',
      'https://example.com/y',
      '#here',
      '//cdn.example/z',
    ]);
  });
});

describe('plain text of a note (for search and feeds)', () => {
  it('reads math as its TeX, keeps blocks apart and leaves out footnote marks', async () => {
    const { text } = await render('# Title\n\nA **bo**ld claim[^1] about $x^2$.\n\n- one\n- two\n\n[^1]: Source.');
    expect(text).toBe('Title A bold claim about x^2. one two Source.');
  });
});

describe('extra plugins from the site config', () => {
  it('runs extra remark and rehype plugins after the site’s own', async () => {
    const shout = () => (tree: MdastRoot) => {
      for (const block of tree.children) {
        if (block.type !== 'paragraph') continue;
        for (const child of block.children) if (child.type === 'text') child.value = child.value.toUpperCase();
      }
    };
    const mark = () => (tree: Root) => {
      for (const element of byTag(tree, 'p')) element.properties.dataChecked = 'yes';
    };
    const { tree } = await render('quiet "words"', { ...noteOptions, remarkPlugins: [shout], rehypePlugins: [mark] });
    const [paragraph] = byTag(tree, 'p');
    // Smart quotes ran first, then the extra remark plugin; the rehype plugin saw the HTML.
    expect(toText(paragraph)).toBe('QUIET “WORDS”');
    expect(paragraph.properties.dataChecked).toBe('yes');
  });
});
