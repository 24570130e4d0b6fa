/**
 * The site's pure helpers (src/lib): display names, related papers, BibTeX, plain text,
 * dates and the pager — the parts of a page that are computed, not drawn.
 */
import { describe, expect, it } from 'vitest';
import { assignKeys, bibtexName, escapeBibtex, toBibtex, type BibtexSource } from '../../src/lib/bibtex.ts';
import { formatPaperDate, machineDate } from '../../src/shared/i18n/dates.ts';
import { resolveLocale } from '../../src/shared/i18n/languages.ts';
import { NameRegistry } from '../../src/lib/names.ts';
import { relatedIndexes, tokens } from '../../src/lib/related.ts';
import { byInitial } from '../../src/lib/groups.ts';
import { inlineMathHtml, plainText, plainTitle, truncate } from '../../src/lib/text.ts';
import { yearChart } from '../../src/lib/home.ts';
import type { YearGroup } from '../../src/lib/papers.ts';
import { allPapersPages, nestedPages, pager, type Pager } from '../../src/lib/pager.ts';
import type { Page } from 'astro';

describe('display names', () => {
  it('gives spellings that differ in accents, case or spacing one slug', () => {
    const names = new NameRegistry();
    const slugs = ['Fernanda Viegas', 'Fernanda Viégas', 'fernanda  viégas', ' Fernanda Viegas'].map((name) =>
      names.add(name),
    );
    expect(new Set(slugs)).toEqual(new Set(['fernanda-viegas']));
  });

  it('shows the accented spelling even when the plain one is more common', () => {
    const names = new NameRegistry();
    for (const name of ['Fernanda Viegas', 'Fernanda Viegas', 'Fernanda Viégas']) names.add(name);
    expect(names.nameOf('fernanda-viegas')).toBe('Fernanda Viégas');
  });

  it('prefers mixed case, then the most common spelling, with spaces tidied', () => {
    const names = new NameRegistry();
    for (const name of ['yonatan belinkov', 'Yonatan  Belinkov', 'YONATAN BELINKOV']) names.add(name);
    expect(names.nameOf('yonatan-belinkov')).toBe('Yonatan Belinkov');
    const other = new NameRegistry();
    for (const name of ['Shay B. Cohen', 'Shay B Cohen', 'Shay B Cohen']) other.add(name);
    expect(other.nameOf('shay-b-cohen')).toBe('Shay B Cohen');
  });

  it('puts names that start with no Latin letter in one "#" section of the A–Z index', () => {
    const group = (name: string) => ({ slug: name, name, path: '', papers: [] });
    const sections = byInitial([group('4chan Team'), group('Ada'), group('Émile'), group('Zoë'), group('Юрий')]);
    expect(sections.map((section) => [section.letter, section.groups.map((g) => g.name)])).toEqual([
      ['#', ['4chan Team', 'Юрий']],
      ['A', ['Ada']],
      ['E', ['Émile']],
      ['Z', ['Zoë']],
    ]);
  });
});

describe('related papers', () => {
  const docs = [
    {
      title: 'Protein folding in ESMFold',
      text: 'We study protein structure prediction with language models of amino acids.',
    },
    {
      title: 'Sparse autoencoders for circuits',
      text: 'Circuits in transformers found by sparse autoencoders and feature attribution.',
    },
    { title: 'Amino acid language models', text: 'Protein language models predict amino acid structure and folding.' },
    { title: 'Feature circuits', text: 'Sparse feature circuits explain transformer behaviour through autoencoders.' },
    { title: 'Cooking recipes', text: 'Bread, butter and flour.' },
  ];

  it('ranks the papers sharing the most distinctive words first, never the paper itself', () => {
    const related = relatedIndexes(docs, 2);
    expect(related[0][0]).toBe(2);
    expect(related[2][0]).toBe(0);
    expect(related[1][0]).toBe(3);
    expect(related[3][0]).toBe(1);
    related.forEach((list, i) => expect(list).not.toContain(i));
  });

  it('returns no more than k papers and nothing for a paper sharing no word', () => {
    const related = relatedIndexes(docs, 1);
    expect(related.every((list) => list.length <= 1)).toBe(true);
    expect(related[4]).toEqual([]);
  });

  it('gives the same answer on every run', () => {
    expect(relatedIndexes(docs, 3)).toEqual(relatedIndexes(docs, 3));
  });

  it('matches words across accents and plurals and skips stopwords', () => {
    expect(tokens('The Viégas models of résumés')).toEqual(tokens('viegas model resume'));
    expect(tokens('of the and with')).toEqual([]);
  });
});

describe('BibTeX', () => {
  const source: BibtexSource = {
    title: 'Costs & 100% of $x_1$ {Braces}',
    authors: ['Ana Müller', 'BigScience Workshop', 'Martin Luther King Jr.'],
    authorsTruncated: true,
    date: '2024-03-15',
    datePrecision: 'month',
    category: 'cs.CL',
    tags: [],
  };

  it('escapes TeX specials outside math and keeps math as written', () => {
    expect(escapeBibtex('a & b 100% #1 x_y ~ ^ \\ {z} $x_1^2$ --')).toBe(
      'a \\& b 100\\% \\#1 x\\_y \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\{z\\} $x_1^2$ -{}-',
    );
  });

  it('braces organisations, puts suffixes in their slot and protects a lone "and"', () => {
    expect(bibtexName('BigScience Workshop')).toBe('{BigScience Workshop}');
    expect(bibtexName('Martin Luther King Jr.')).toBe('King, Jr., Martin Luther');
    expect(bibtexName('Anna and Bob')).toBe('Anna {and} Bob');
    expect(bibtexName('Plato')).toBe('{Plato}');
  });

  it('writes an entry with the month when it is known and "others" for et al.', () => {
    expect(toBibtex(source, 'mueller2024costs')).toBe(
      [
        '@misc{mueller2024costs,',
        '  title = {{Costs \\& 100\\% of $x_1$ \\{Braces\\}}},',
        '  author = {Ana Müller and {BigScience Workshop} and King, Jr., Martin Luther and others},',
        '  year = {2024},',
        '  month = mar',
        '}',
      ].join('\n'),
    );
  });

  it('makes unique keys, keeping a paper’s own key and suffixing later duplicates', () => {
    const paper = (title: string, bibtexKey?: string): BibtexSource => ({ ...source, title, bibtexKey });
    expect(
      assignKeys([paper('Costs one'), paper('Costs two'), paper('Other', 'mueller2024costs'), paper('Costs three')]),
    ).toEqual(['mueller2024costsb', 'mueller2024costsc', 'mueller2024costs', 'mueller2024costsd']);
  });
});

describe('text and dates', () => {
  it('turns an imported abstract into plain text: emphasis and escapes gone, math kept', () => {
    expect(plainText('An *emph* and **bold**, snake\\_case, C\\#, \\*star\\* and $a_b * c$.\n\nNext.')).toBe(
      'An emph and bold, snake_case, C#, *star* and $a_b * c$. Next.',
    );
  });

  it('drops footnote marks and link syntax from plain text, keeping the note and the link text', () => {
    expect(
      plainText(
        'See a footnote[^1] and <https://example.org/a_b>, a [named link](<https://example.org>) and \\[not a link\\](x).\n\n[^1]: The note.',
      ),
    ).toBe('See a footnote and https://example.org/a_b, a named link and [not a link](x). (The note.)');
  });

  it('renders $…$ in titles with KaTeX and escapes the rest, leaving a price alone', () => {
    const html = inlineMathHtml('Cost $5 and <b> $O(n)$');
    expect(html.startsWith('Cost $5 and &lt;b&gt; <span class="katex">')).toBe(true);
    expect(html).toContain('<annotation encoding="application/x-tex">O(n)</annotation>');
    expect(plainTitle('Fast $k$-NN')).toBe('Fast k-NN');
  });

  it('cuts long text at a word boundary', () => {
    expect(truncate('one two three four', 12)).toBe('one two…');
    expect(truncate('short', 12)).toBe('short');
  });

  it('formats only as much of a date as is known', () => {
    const english = resolveLocale('en');
    expect(formatPaperDate('2022-06-09', 'day', english)).toBe('9 June 2022');
    expect(formatPaperDate('2022-06-01', 'month', english)).toBe('June 2022');
    expect(formatPaperDate('2022-01-01', 'year', english)).toBe('2022');
    expect(machineDate('2022-06-01', 'month')).toBe('2022-06');
  });

  it('draws a bar for every year in the range, empty years included', () => {
    const year = (y: number, count: number) => ({ year: y, papers: new Array(count) }) as unknown as YearGroup;
    const chart = yearChart([year(2024, 4), year(2021, 2)]);
    expect(chart.bars.map((bar) => [bar.year, bar.count])).toEqual([
      [2021, 2],
      [2022, 0],
      [2023, 0],
      [2024, 4],
    ]);
    expect(chart.bars[3].height).toBe(2 * chart.bars[0].height);
    expect(chart.summary).toContain('2022: 0');
  });
});

describe('pager', () => {
  const page = (currentPage: number, lastPage: number) =>
    ({
      currentPage,
      lastPage,
      total: lastPage * 10,
      start: (currentPage - 1) * 10,
      end: currentPage * 10 - 1,
      data: [],
      size: 10,
      url: {},
    }) as unknown as Page<unknown>;
  const shown = (p: Pager) =>
    p.items.map((item) => ('gap' in item ? '…' : item.current ? `[${item.number}]` : String(item.number))).join(' ');

  it('shows the first, the last and two pages either side of the current one, with gaps', () => {
    expect(shown(pager(page(10, 40), nestedPages('/authors/x/')))).toBe('1 … 8 9 [10] 11 12 … 40');
    expect(shown(pager(page(1, 3), nestedPages('/authors/x/')))).toBe('[1] 2 3');
    expect(shown(pager(page(4, 7), nestedPages('/authors/x/')))).toBe('1 2 3 [4] 5 6 7');
  });

  it('links neighbours by site path, the first page without a number', () => {
    const p = pager(page(2, 3), nestedPages('/topics/cs-cl/'));
    expect([p.prev, p.path, p.next]).toEqual(['/topics/cs-cl/', '/topics/cs-cl/2/', '/topics/cs-cl/3/']);
    expect(pager(page(2, 2), allPapersPages).path).toBe('/papers/page/2/');
    expect([p.from, p.to, p.total]).toEqual([11, 20, 30]);
  });
});
