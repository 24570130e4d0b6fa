/**
 * The layer around the BibTeX parser that keeps math, angle brackets and footnotes intact
 * and line numbers right, tested through `parseBibtex` where a user would notice.
 */
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/importer/bibtex.ts';
import { shieldBibtex } from '../../src/importer/bibtex-latex.ts';

const entry = (key: string, fields: string) =>
  `@article{${key},\n  author = {Smith, Ann},\n  year = {2020},\n  primaryClass = {cs.CL},\n${fields}\n}\n`;
const parse = (text: string) => parseBibtex(text, { file: 'lab.bib', defaultCategory: 'cs.LG' });

describe('math in .bib fields', () => {
  it('an escaped dollar is a price, not the start of math', () => {
    const { papers } = parse(entry('price', '  title = {Models for \\$5 and \\$10 a Month},'));
    expect(papers[0].data.title).toBe('Models for $5 and $10 a Month');
  });

  it('inline and display math keep their TeX, with the spaces inside the dollars dropped', () => {
    const { papers } = parse(
      entry('m', '  title = {Bounds in $ \\ell_1 $},\n  abstract = {We show $$ \\sum_i x_i \\le 1 $$ holds.},'),
    );
    expect(papers[0].data.title).toBe('Bounds in $\\ell_1$');
    expect(papers[0].body).toBe('We show $$\\sum_i x_i \\le 1$$ holds.');
  });

  it('an unmatched dollar in one entry does not swallow the entries after it', () => {
    const text = entry('lone', '  title = {Costs $5 per Run},') + entry('next', '  title = {The Next $x$ Entry},');
    const { papers, issues } = parse(text);
    expect(papers.map((p) => p.data.bibtexKey)).toEqual(['next']);
    expect(papers[0].data.title).toBe('The Next $x$ Entry');
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(1);
    expect(issues[0].message).toContain('entry "lone" (@article) could not be read');
  });
});

describe('files that are not BibTeX', () => {
  it('a file with no entries at all is an error, not an empty success', () => {
    expect(parse('A paper listing given --format bibtex by mistake.\n')).toEqual({
      papers: [],
      issues: [
        {
          file: 'lab.bib',
          line: 1,
          wholeSource: true,
          message:
            'no BibTeX entries found, expected entries such as @article{key, title = {…}, author = {…}, year = {…}}',
        },
      ],
      notices: [],
    });
  });
});

describe('entry keys', () => {
  it('an entry without a key is imported without one (the site makes one) and notices name its line', () => {
    const { papers, notices } = parse(
      '\n@article{,\n  title = {No Key},\n  author = {Smith, Ann},\n  year = {2020},\n}\n',
    );
    expect(papers).toHaveLength(1);
    expect(papers[0].data.bibtexKey).toBeUndefined();
    expect(papers[0].data.bibtexType).toBe('article');
    expect(notices).toEqual([
      '1 entry names no arXiv primaryClass and was given the default category cs.LG (defaultCategory in src/site.config.ts): the entry at line 2',
    ]);
  });
});

describe('line numbers', () => {
  it('CRLF line ends give the same papers and the same lines as LF', () => {
    const text = `${entry('a', '  title = {First},')}\n% comment\n${entry('b', '  title = {Second},')}`;
    const lf = parse(text);
    const crlf = parse(text.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(lf);
    expect(lf.papers.map((p) => p.line)).toEqual([1, 9]);
  });

  it('math spread over lines does not shift the lines of later entries', () => {
    const shielded = shieldBibtex('@a{k, t = {$x +\ny +\nz$}}\n@b{\n');
    const atB = shielded.text.indexOf('@b');
    expect(shielded.lineAt(atB)).toBe(4);
  });

  it('a field problem is reported on the line of the field, and the entry is still imported', () => {
    const { papers, notices } = parse(
      '@article{late,\n  title = {Late},\n  author = {Smith, Ann},\n\n  year = {soon},\n}\n',
    );
    expect(papers.map((paper) => paper.data.date)).toEqual([undefined]);
    expect(notices).toContain('lab.bib:5: late: year "soon" is not a year; imported as undated (n.d.)');
  });
});

describe('text that is not LaTeX markup', () => {
  it("angle brackets stay angle brackets instead of the OT1 font's ¡ and ¿", () => {
    const { papers } = parse(
      entry('lt', '  title = {When $a<b$ and x < y > z},\n  abstract = {Tags like <b> stay text.},'),
    );
    expect(papers[0].data.title).toBe('When $a<b$ and x < y > z');
    expect(papers[0].body).toBe('Tags like \\<b> stay text.');
  });

  it('a footnote in an abstract becomes a Markdown footnote and is not glued to the word before it', () => {
    const { papers } = parse(
      entry('fn', '  title = {Footnotes},\n  abstract = {Results\\footnote{On {held-out} data.} hold.},'),
    );
    expect(papers[0].body).toBe('Results[^1] hold.\n\n[^1]: On held-out data.');
  });

  it('an abstract built from @string macros is converted the same way as a braced one', () => {
    const text = `@string{intro = "We show that "}\n${entry('macro', '  title = {Macros},\n  abstract = intro # {\\emph{na{\\"\\i}ve} models reach $ x^2 $ at 50\\%.},')}`;
    const braced = entry(
      'braced',
      '  title = {Braced},\n  abstract = {We show that \\emph{na{\\"\\i}ve} models reach $ x^2 $ at 50\\%.},',
    );
    const expected = 'We show that *naïve* models reach $x^2$ at 50%.';
    expect(parse(text).papers[0].body).toBe(expected);
    expect(parse(braced).papers[0].body).toBe(expected);
  });

  it('fields the importer does not read may hold anything, and a quoted title may hold "= {"', () => {
    const { papers, issues } = parse(
      entry(
        'extras',
        '  title = "Equations = {Braces} Inside",\n  file = {C:\\\\papers\\\\x.pdf:PDF},\n  annote = {Unbalanced $ dollar and \\unknown{macro}},',
      ),
    );
    expect(issues).toEqual([]);
    expect(papers[0].data.title).toBe('Equations = Braces Inside');
  });

  it('the same text parsed twice gives the same result', () => {
    const text = entry('x', '  title = {Stable {Output}},\n  abstract = {Same $x$ twice.},');
    expect(parse(text)).toEqual(parse(text));
  });
});
