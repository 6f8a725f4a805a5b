// TF-IDF over hashed buckets: sublinear tf (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1, as
// scikit-learn), each vector scaled to unit length. Only buckets seen in at least `minDf` documents
// are kept — the rest are one-off typos and numbers that only cost memory.

/** A sparse row: column indices ascending, with their values. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface Vocabulary {
  /** Bucket of each column, ascending. */
  buckets: Int32Array;
  idf: Float32Array;
  /** bucket → column, -1 when the bucket has no column. */
  column: Map<number, number>;
}

export function fitIdf(docs: Map<number, number>[], minDf = 1): Vocabulary {
  const df = new Map<number, number>();
  for (const d of docs) for (const b of d.keys()) df.set(b, (df.get(b) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= minDf).sort((a, b) => a[0] - b[0]);
  const buckets = new Int32Array(kept.length);
  const idf = new Float32Array(kept.length);
  const column = new Map<number, number>();
  const n = docs.length;
  kept.forEach(([b, f], i) => {
    buckets[i] = b;
    idf[i] = Math.log((1 + n) / (1 + f)) + 1;
    column.set(b, i);
  });
  return { buckets, idf, column };
}

export function vocabularyFrom(buckets: ArrayLike<number>, idf: ArrayLike<number>): Vocabulary {
  const column = new Map<number, number>();
  for (let i = 0; i < buckets.length; i++) column.set(buckets[i], i);
  return { buckets: Int32Array.from(buckets), idf: Float32Array.from(idf), column };
}

/** The unit-length TF-IDF row of one document; buckets outside the vocabulary are dropped. */
export function tfidfVector(counts: Map<number, number>, vocab: Vocabulary): SparseVector {
  const cols: number[] = [];
  for (const b of counts.keys()) {
    const c = vocab.column.get(b);
    if (c !== undefined) cols.push(c);
  }
  cols.sort((a, b) => a - b);
  const index = Int32Array.from(cols);
  const value = new Float32Array(cols.length);
  let norm = 0;
  for (let i = 0; i < cols.length; i++) {
    const tf = counts.get(vocab.buckets[cols[i]])!;
    const w = (1 + Math.log(tf)) * vocab.idf[cols[i]];
    value[i] = w;
    norm += w * w;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < value.length; i++) value[i] *= inv;
  }
  return { index, value };
}
