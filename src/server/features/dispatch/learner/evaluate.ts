import { defaultFeatureOptions, hashedCounts, normalizeText, words } from './features.js';
import { predictFromCounts, trainFromCounts, type LabelledText } from './model.js';
import { naiveBayesProbabilities, trainNaiveBayes } from './naive-bayes.js';
import { stratifiedFolds } from './folds.js';
import { expectedCalibrationError } from './calibration.js';

export { stratifiedFolds };

// Stratified k-fold cross-validation of the learner beside multinomial naive Bayes on words, on the
// same folds: top-1, top-3, macro-F1 and the learner's confusion table.

export interface Scores {
  top1: number;
  top3: number;
  macroF1: number;
}

export interface Evaluation extends Scores {
  folds: number;
  examples: number;
  labels: string[];
  /** confusion[true label][predicted label], labels in `labels` order (the learner's). */
  confusion: number[][];
  baseline: Scores;
  /** How far the learner's probabilities can be trusted: mean log loss, expected calibration error (0 is perfect). */
  calibration: { logLoss: number; ece: number };
  /** For auto-routing thresholds: the share of messages whose best label has at least this probability, and how often that label is right. */
  confidence: { atLeast: number; share: number; top1: number }[];
}

export const confidenceThresholds = [0.5, 0.7, 0.8, 0.9, 0.95];

/** Index of each label in `labels` of the best-ranked classes, best first. */
function ranking(p: ArrayLike<number>): number[] {
  return Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
}

export function scoreRankings(
  truth: number[],
  ranked: number[][],
  classes: number,
): Scores & { confusion: number[][] } {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let top1 = 0;
  let top3 = 0;
  truth.forEach((t, i) => {
    const r = ranked[i];
    confusion[t][r[0]]++;
    if (r[0] === t) top1++;
    if (r.slice(0, 3).includes(t)) top3++;
  });
  return { top1: top1 / truth.length, top3: top3 / truth.length, macroF1: macroF1(confusion), confusion };
}

/** Mean F1 over the labels that occur (as truth or prediction). */
export function macroF1(confusion: number[][]): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < confusion.length; k++) {
    const tp = confusion[k][k];
    const actual = confusion[k].reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[k], 0);
    if (actual === 0 && predicted === 0) continue;
    sum += (2 * tp) / (actual + predicted);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

export interface CrossValidateOptions {
  folds: number;
  seed: number;
  /** Texts without a label, given to every fold's training (as trainModel's unlabelledTexts). */
  unlabelledTexts?: string[];
}

export function crossValidate(examples: LabelledText[], options: CrossValidateOptions): Evaluation {
  const { folds, seed } = options;
  if (!Number.isInteger(folds) || folds < 2) throw new Error('crossValidate needs at least 2 folds');
  if (examples.length < folds) throw new Error(`crossValidate needs at least ${folds} examples`);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const truth = examples.map((e) => labelIndex.get(e.label)!);
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    folds,
    seed,
  );
  const wordLists = examples.map((e) => words(normalizeText(e.text)));
  const features = { ...defaultFeatureOptions };
  const counts = examples.map((e) => hashedCounts(e.text, features));
  const unlabelled = (options.unlabelledTexts ?? []).map((t) => hashedCounts(t, features));
  const learnerRanked: number[][] = new Array(examples.length);
  const baselineRanked: number[][] = new Array(examples.length);
  const bestProbability = new Array<number>(examples.length);
  const truthProbability = new Array<number>(examples.length);
  for (let f = 0; f < folds; f++) {
    const train = examples.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const test = examples.flatMap((_, i) => (fold[i] === f ? [i] : []));
    if (test.length === 0) continue;
    const model = trainFromCounts(
      train.map((i) => examples[i].label),
      train.map((i) => counts[i]),
      unlabelled,
      features,
      seed + f,
    );
    // The fold's model may lack a label that only the test part has: map by name.
    const columns = labels.map((l) => model.labels.indexOf(l));
    for (const i of test) {
      const p = predictFromCounts(model, counts[i]);
      const full = labels.map((_, k) => (columns[k] < 0 ? 0 : p[columns[k]]));
      learnerRanked[i] = ranking(full);
      bestProbability[i] = full[learnerRanked[i][0]];
      truthProbability[i] = full[truth[i]];
    }
    const nb = trainNaiveBayes(
      train.map((i) => wordLists[i]),
      train.map((i) => truth[i]),
      labels.length,
    );
    for (const i of test) baselineRanked[i] = ranking(naiveBayesProbabilities(nb, wordLists[i]));
  }
  const learner = scoreRankings(truth, learnerRanked, labels.length);
  const correct = truth.map((t, i) => learnerRanked[i][0] === t);
  const baseline = scoreRankings(truth, baselineRanked, labels.length);
  return {
    folds,
    examples: examples.length,
    top1: learner.top1,
    top3: learner.top3,
    macroF1: learner.macroF1,
    labels,
    confusion: learner.confusion,
    baseline: { top1: baseline.top1, top3: baseline.top3, macroF1: baseline.macroF1 },
    calibration: {
      logLoss: truthProbability.reduce((a, p) => a - Math.log(Math.max(p, 1e-12)), 0) / examples.length,
      ece: expectedCalibrationError(bestProbability, correct),
    },
    confidence: confidenceThresholds.map((atLeast) => {
      const sure = bestProbability.flatMap((p, i) => (p >= atLeast ? [i] : []));
      return {
        atLeast,
        share: sure.length / examples.length,
        top1: sure.length === 0 ? 0 : sure.filter((i) => correct[i]).length / sure.length,
      };
    }),
  };
}
