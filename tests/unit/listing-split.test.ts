/**
 * The two judgement calls of the listing parser, tested on their own: where the title ends
 * and the authors begin, and which year an undated entry belongs to.
 */
import { describe, expect, it } from 'vitest';
import { resolveDate } from '../../src/importer/listing.ts';
import { splitTitleLine, wordsOf, type SplitEvidence } from '../../src/importer/title-authors.ts';

function evidence(abstract = '', knownAuthors: string[] = [], listing = ''): SplitEvidence {
  return {
    abstractWords: new Set(wordsOf(abstract)),
    listingWords: new Set(wordsOf(`${abstract} ${listing}`)),
    knownAuthors: new Set(knownAuthors),
  };
}

function split(line: string, context = evidence()) {
  const result = splitTitleLine(line, context);
  if (!result.ok) throw new Error(result.message);
  return { title: result.value.title, authors: result.value.authors };
}

describe('splitting the title from the authors', () => {
  it('a camel-case group author is kept whole when the abstract uses the title word', () => {
    expect(
      split('A Multilingual Language ModelBigScience Workshop, Teven Le Scao', evidence('We train a language model.')),
    ).toEqual({
      title: 'A Multilingual Language Model',
      authors: ['BigScience Workshop', 'Teven Le Scao'],
    });
  });

  it('a camel-case title word is kept whole when the first author has an ordinary name', () => {
    expect(split('Mechanisms of Protein Folding in ESMFoldKevin Lu, Jannik Brinkmann')).toEqual({
      title: 'Mechanisms of Protein Folding in ESMFold',
      authors: ['Kevin Lu', 'Jannik Brinkmann'],
    });
  });

  it('an author known from elsewhere in the listing decides an otherwise even split', () => {
    const line = 'Planning with ModelBasedDeAndre Jordan';
    expect(split(line, evidence('', ['DeAndre Jordan']))).toEqual({
      title: 'Planning with ModelBased',
      authors: ['DeAndre Jordan'],
    });
  });

  it('capitalised title words after an acronym are not taken for a long name', () => {
    expect(split('Understanding How LMs Answer Multiple Choice QuestionsSarah Wiegreffe, Oyvind Tafjord')).toEqual({
      title: 'Understanding How LMs Answer Multiple Choice Questions',
      authors: ['Sarah Wiegreffe', 'Oyvind Tafjord'],
    });
  });

  it('an all-capitals title word before an initial keeps its last letter', () => {
    expect(split('Zero-Shot Retrieval with CLIPJ. Doe, K. Lee')).toEqual({
      title: 'Zero-Shot Retrieval with CLIP',
      authors: ['J. Doe', 'K. Lee'],
    });
  });

  it('a capital after a hyphen or slash never starts the authors', () => {
    expect(split('Jamba: A Hybrid Transformer-Mamba Language ModelOpher Lieber, Barak Lenz').title).toBe(
      'Jamba: A Hybrid Transformer-Mamba Language Model',
    );
    expect(split('Fast Input/Output for AgentsAda Lovelace').title).toBe('Fast Input/Output for Agents');
  });

  it('a title with commas and a camel-case co-author split at the glued name', () => {
    expect(
      split(
        'Silent Tokens, Loud Effects: Padding in LLMsRom Himelstein, Amit LeVi, Yonatan Belinkov',
        evidence('padding in LLMs'),
      ),
    ).toEqual({
      title: 'Silent Tokens, Loud Effects: Padding in LLMs',
      authors: ['Rom Himelstein', 'Amit LeVi', 'Yonatan Belinkov'],
    });
  });

  it('et al. and affiliations are taken off before the split', () => {
    const result = splitTitleLine('Emergent CommunicationBoaz Carmeli, Ron Meir et al. · technion, mit', evidence());
    expect(result).toEqual({
      ok: true,
      value: {
        title: 'Emergent Communication',
        authors: ['Boaz Carmeli', 'Ron Meir'],
        authorsTruncated: true,
        affiliations: ['technion', 'mit'],
      },
    });
  });

  it('a line with only authors or only a title is refused with what was expected', () => {
    expect(splitTitleLine('Jane Doe, John Smith', evidence())).toEqual({
      ok: false,
      message:
        'missing title: "Jane Doe, John Smith" is only an author list, expected the title followed directly by the authors',
    });
    const noAuthors = splitTitleLine('a title in lower case only', evidence());
    expect(noAuthors.ok).toBe(false);
    expect(!noAuthors.ok && noAuthors.message).toMatch(/^missing author list: /);
  });
});

describe('dates without a year', () => {
  it('take the most recent such day on or before --as-of', () => {
    expect(resolveDate(5, 17, undefined, '2026-11-25')).toBe('2026-05-17');
    expect(resolveDate(11, 25, undefined, '2026-11-25')).toBe('2026-11-25');
    expect(resolveDate(11, 26, undefined, '2026-11-25')).toBe('2025-11-26');
  });

  it('Feb 29 goes back to the last leap year, Feb 31 does not exist', () => {
    expect(resolveDate(2, 29, undefined, '2026-11-25')).toBe('2024-02-29');
    expect(resolveDate(2, 31, undefined, '2026-11-25')).toBeUndefined();
    expect(resolveDate(2, 29, 2023, '2026-11-25')).toBeUndefined();
    expect(resolveDate(2, 29, 2024, '2026-11-25')).toBe('2024-02-29');
  });
});
