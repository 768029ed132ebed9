/** One field of a document: its tokens and how much a match in it counts (title > body). */
export interface Bm25Field {
  tokens: readonly string[];
  weight: number;
}

/** BM25 parameters: `k1` saturates term frequency, `b` sets how much field length normalises it. */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

/** A built BM25F index over a fixed list of documents. */
export interface Bm25Index {
  readonly docCount: number;
  /** Whether any document contains `term`. */
  has(term: string): boolean;
  /** Inverse document frequency of `term`; an unseen term gets the largest value (document frequency 0). */
  idf(term: string): number;
  /**
   * Score of every document for the distinct `terms`, indexed like the input documents. Each term adds
   * at most its idf times `weightOf(term)` (default 1), so a score divided by the query's summed weighted
   * idf is a 0..1 coverage.
   */
  score(terms: readonly string[], weightOf?: (term: string) => number): Float64Array;
}

interface Postings {
  docs: number[];
  contributions: number[];
}

/** BM25's idf, kept positive even for terms in every document. */
function bm25Idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/**
 * Builds a BM25F index (k1 ≈ 1.2, b ≈ 0.75): per-field term frequencies are length-normalised, weighted
 * and summed before saturation, and each (term, document) contribution is precomputed so a query only
 * walks its terms' postings.
 */
export function buildBm25Index(
  docs: ReadonlyArray<readonly Bm25Field[]>,
  options: Bm25Options = {},
): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const fieldCount = Math.max(0, ...docs.map((d) => d.length));
  const avgLen = Array.from({ length: fieldCount }, (_, f) => {
    const total = docs.reduce((sum, d) => sum + (d[f]?.tokens.length ?? 0), 0);
    return Math.max(1, total / Math.max(1, docs.length));
  });

  // term -> doc -> weighted, length-normalised frequency
  const pseudoTf = new Map<string, Map<number, number>>();
  docs.forEach((fields, doc) => {
    fields.forEach((field, f) => {
      const norm = 1 - b + (b * field.tokens.length) / avgLen[f];
      for (const token of field.tokens) {
        let perDoc = pseudoTf.get(token);
        if (!perDoc) pseudoTf.set(token, (perDoc = new Map()));
        perDoc.set(doc, (perDoc.get(doc) ?? 0) + field.weight / norm);
      }
    });
  });

  const idfs = new Map<string, number>();
  const postings = new Map<string, Postings>();
  for (const [term, perDoc] of pseudoTf) {
    const idf = bm25Idf(docs.length, perDoc.size);
    idfs.set(term, idf);
    const entry: Postings = { docs: [], contributions: [] };
    for (const [doc, tf] of perDoc) {
      entry.docs.push(doc);
      entry.contributions.push((idf * tf) / (k1 + tf));
    }
    postings.set(term, entry);
  }
  const unseenIdf = bm25Idf(docs.length, 0);

  return {
    docCount: docs.length,
    has: (term) => postings.has(term),
    idf: (term) => idfs.get(term) ?? unseenIdf,
    score(terms, weightOf = () => 1) {
      const scores = new Float64Array(docs.length);
      for (const term of new Set(terms)) {
        const entry = postings.get(term);
        if (!entry) continue;
        const weight = weightOf(term);
        for (let i = 0; i < entry.docs.length; i++) scores[entry.docs[i]] += weight * entry.contributions[i];
      }
      return scores;
    },
  };
}
