/**
 * Related papers from the similarity of title + abstract: TF-IDF vectors compared by
 * cosine, found through an inverted index instead of comparing every pair of papers.
 *
 * Cost stays about O(n·k) for n papers: each paper keeps only its `TERMS_PER_PAPER`
 * strongest terms, and each term's posting list keeps only the `POSTINGS_PER_TERM`
 * papers where it weighs most (impact-ordered truncation), so scoring one paper touches
 * at most TERMS_PER_PAPER × POSTINGS_PER_TERM candidates whatever n is. Hand-written
 * because the similarity libraries on npm compare all pairs (O(n²)).
 */

/** Terms kept per paper: enough to describe an abstract, few enough to stay cheap. */
const TERMS_PER_PAPER = 24;
/** Papers kept per term, those where the term weighs most. */
const POSTINGS_PER_TERM = 128;
/** Title words count this many times: a title says what a paper is about. */
const TITLE_WEIGHT = 3;

const STOPWORDS = new Set(
  (
    'a about above across after again against all also although among an and any are as at ' +
    'be because been before being below between both but by can could did do does doing down ' +
    'during each either et few for from further had has have having here how however i if in ' +
    'into is it its itself just may might more most much must no nor not now of off on once ' +
    'only or other our ours out over own per same several she should show shows shown so some ' +
    'such than that the their them then there these they this those through thus to too under ' +
    'until up upon use used uses using very via was we were what when where whether which while ' +
    'who whom why will with within without would yet you your new well two three one based ' +
    'paper propose proposed present presents approach method methods results result work find ' +
    'finds found study studies'
  ).split(' '),
);

/** Lower-case word tokens without stopwords, with a light plural fold ("models" → "model"). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().normalize('NFKD').split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

export interface RelatedInput {
  title: string;
  text: string;
}

interface Posting {
  doc: number;
  weight: number;
}

/**
 * For each document, the indexes of up to `k` most similar other documents, best first.
 * Ties keep input order, so the result is stable from build to build.
 */
export function relatedIndexes(docs: readonly RelatedInput[], k: number): number[][] {
  const n = docs.length;
  const termIds = new Map<string, number>();
  const docFreq: number[] = [];
  const counts: Map<number, number>[] = new Array(n);

  for (let d = 0; d < n; d++) {
    const tf = new Map<number, number>();
    const add = (word: string, times: number) => {
      let id = termIds.get(word);
      if (id === undefined) {
        id = docFreq.length;
        termIds.set(word, id);
        docFreq.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + times);
    };
    for (const word of tokens(docs[d].title)) add(word, TITLE_WEIGHT);
    for (const word of tokens(docs[d].text)) add(word, 1);
    for (const id of tf.keys()) docFreq[id]++;
    counts[d] = tf;
  }

  // Each paper's strongest terms, weights normalised so a dot product is a cosine.
  const vectors: Posting[][] = new Array(n); // here `doc` holds the term id
  const postings: Posting[][] = docFreq.map(() => []);
  for (let d = 0; d < n; d++) {
    const weighted: Posting[] = [];
    for (const [id, count] of counts[d]) {
      if (docFreq[id] < 2) continue; // a term no other paper has cannot relate papers
      weighted.push({ doc: id, weight: (1 + Math.log(count)) * Math.log(n / docFreq[id]) });
    }
    weighted.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    const top = weighted.slice(0, TERMS_PER_PAPER);
    const norm = Math.hypot(...top.map((t) => t.weight)) || 1;
    for (const term of top) {
      term.weight /= norm;
      postings[term.doc].push({ doc: d, weight: term.weight });
    }
    vectors[d] = top;
  }
  counts.length = 0;

  for (const list of postings) {
    if (list.length > POSTINGS_PER_TERM) {
      list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
      list.length = POSTINGS_PER_TERM;
    }
  }

  const scores = new Float64Array(n);
  const result: number[][] = new Array(n);
  for (let d = 0; d < n; d++) {
    const touched: number[] = [];
    for (const term of vectors[d]) {
      for (const posting of postings[term.doc]) {
        if (posting.doc === d) continue;
        if (scores[posting.doc] === 0) touched.push(posting.doc);
        scores[posting.doc] += term.weight * posting.weight;
      }
    }
    touched.sort((a, b) => scores[b] - scores[a] || a - b);
    result[d] = touched.slice(0, k);
    for (const doc of touched) scores[doc] = 0;
  }
  return result;
}
