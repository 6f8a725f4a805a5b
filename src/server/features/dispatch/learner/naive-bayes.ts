import { softmaxInPlace } from './softmax.js';

// Multinomial naive Bayes on word counts, Laplace smoothing: the baseline every figure is set beside.

export interface NaiveBayes {
  classes: number;
  logPrior: Float64Array;
  /** word → log P(word | class) per class */
  logLikelihood: Map<string, Float64Array>;
  /** log P(unseen word | class): the word is skipped, as scikit-learn ignores words outside the vocabulary. */
}

export function trainNaiveBayes(
  docs: string[][],
  labels: ArrayLike<number>,
  classes: number,
  smoothing = 1,
): NaiveBayes {
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(classes);
  const docsPerClass = new Float64Array(classes);
  docs.forEach((words, i) => {
    const y = labels[i];
    docsPerClass[y]++;
    for (const w of words) {
      let c = counts.get(w);
      if (!c) counts.set(w, (c = new Float64Array(classes)));
      c[y]++;
      totals[y]++;
    }
  });
  const V = counts.size;
  const logLikelihood = new Map<string, Float64Array>();
  for (const [w, c] of counts) {
    const row = new Float64Array(classes);
    for (let k = 0; k < classes; k++) row[k] = Math.log((c[k] + smoothing) / (totals[k] + smoothing * V));
    logLikelihood.set(w, row);
  }
  const logPrior = new Float64Array(classes);
  for (let k = 0; k < classes; k++) logPrior[k] = Math.log((docsPerClass[k] + 1) / (docs.length + classes));
  return { classes, logPrior, logLikelihood };
}

/** Posterior over the classes (sums to 1). */
export function naiveBayesProbabilities(model: NaiveBayes, words: string[]): Float64Array {
  const scores = Float64Array.from(model.logPrior);
  for (const w of words) {
    const row = model.logLikelihood.get(w);
    if (!row) continue;
    for (let k = 0; k < model.classes; k++) scores[k] += row[k];
  }
  return softmaxInPlace(scores);
}
