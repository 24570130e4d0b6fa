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
const TERMS_PER_PAPER = 20;
/** Papers kept per term, those where the term weighs most. */
const POSTINGS_PER_TERM = 64;
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
  // NFKD splits accents off letters ("é" → "e" + mark) so "Viégas" and "Viegas" match;
  // skipped for plain ASCII, which is most text and where it changes nothing.
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex -- "any character outside ASCII" on purpose
  const words = /[^\x00-\x7f]/.test(lower)
    ? lower
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .split(/[^\p{L}\p{N}]+/u)
    : lower.split(/[^a-z0-9]+/);
  for (const raw of words) {
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
  // Per paper, its distinct term ids and their counts, packed in typed arrays: Maps for
  // 100k papers would hold ~10M entries.
  const termsOf: Int32Array[] = new Array(n);
  const countsOf: Float32Array[] = new Array(n);

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
  for (let d = 0; d < n; d++) {
    tf.clear();
    for (const word of tokens(docs[d].title)) add(word, TITLE_WEIGHT);
    for (const word of tokens(docs[d].text)) add(word, 1);
    termsOf[d] = Int32Array.from(tf.keys());
    countsOf[d] = Float32Array.from(tf.values());
    for (const id of termsOf[d]) docFreq[id]++;
  }
  termIds.clear();

  // Each paper's strongest terms, weights normalised so a dot product is a cosine.
  const vectors: Posting[][] = new Array(n); // here `doc` holds the term id
  const postings: Posting[][] = docFreq.map(() => []);
  for (let d = 0; d < n; d++) {
    const weighted: Posting[] = [];
    const ids = termsOf[d];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (docFreq[id] < 2) continue; // a term no other paper has cannot relate papers
      weighted.push({ doc: id, weight: (1 + Math.log(countsOf[d][i])) * Math.log(n / docFreq[id]) });
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
  termsOf.length = 0;
  countsOf.length = 0;

  // Impact-ordered truncation, then flat typed arrays for a fast scoring loop.
  const postingDocs: Int32Array[] = [];
  const postingWeights: Float64Array[] = [];
  for (const list of postings) {
    if (list.length > POSTINGS_PER_TERM) {
      list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
      list.length = POSTINGS_PER_TERM;
    }
    postingDocs.push(Int32Array.from(list, (posting) => posting.doc));
    postingWeights.push(Float64Array.from(list, (posting) => posting.weight));
  }
  postings.length = 0;

  const scores = new Float64Array(n);
  const touched = new Int32Array(Math.min(n, TERMS_PER_PAPER * POSTINGS_PER_TERM));
  const result: number[][] = new Array(n);
  for (let d = 0; d < n; d++) {
    let count = 0;
    for (const term of vectors[d]) {
      const docs = postingDocs[term.doc];
      const weights = postingWeights[term.doc];
      for (let i = 0; i < docs.length; i++) {
        const other = docs[i];
        if (other === d) continue;
        if (scores[other] === 0) touched[count++] = other;
        scores[other] += term.weight * weights[i];
      }
    }
    result[d] = topK(touched, count, scores, k);
    for (let i = 0; i < count; i++) scores[touched[i]] = 0;
  }
  return result;
}

/**
 * The `k` best of the first `count` candidates by score (ties: lower index first), by
 * insertion into a short sorted list: O(count·k) instead of sorting every candidate.
 */
function topK(candidates: Int32Array, count: number, scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = candidates[i];
    const score = scores[doc];
    let at = best.length;
    while (at > 0) {
      const above = best[at - 1];
      if (scores[above] > score || (scores[above] === score && above < doc)) break;
      at--;
    }
    if (at < k) {
      best.splice(at, 0, doc);
      if (best.length > k) best.pop();
    }
  }
  return best;
}
