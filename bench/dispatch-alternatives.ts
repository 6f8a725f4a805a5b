// The alternatives tried for the dispatch learner (docs/features/smart-dispatch.md), each by stratified
// 5-fold cross-validation on the same folds, averaged over four synthetic files of 300 appeals
// (BENCH_ALT_SIZE, BENCH_ALT_SEEDS). Run through `BENCH_ALTERNATIVES=1 npm run bench:dispatch` or alone.
import {
  defaultFeatureOptions,
  hashedCounts,
  normalizeText,
  words,
  type FeatureOptions,
} from '../src/server/features/dispatch/learner/features.js';
import { fitIdf, tfidfVector, type SparseVector } from '../src/server/features/dispatch/learner/tfidf.js';
import { linearScores, softmaxInPlace, trainSoftmax } from '../src/server/features/dispatch/learner/softmax.js';
import { naiveBayesProbabilities, trainNaiveBayes } from '../src/server/features/dispatch/learner/naive-bayes.js';
import { scoreRankings, stratifiedFolds } from '../src/server/features/dispatch/learner/evaluate.js';
import { learnerDefaults } from '../src/server/features/dispatch/learner/model.js';
import { trainSoftmaxLbfgs } from './dispatch-lbfgs.js';
import { appealText, generateAppeals } from '../test/support/dispatch-data.js';
import { fmt } from './lib.js';

const SIZE = Number(process.env.BENCH_ALT_SIZE ?? 300);
const SEEDS = (process.env.BENCH_ALT_SEEDS ?? '1,2,3,4').split(',').map(Number);
const UNLABELLED = 3000;
const FOLDS = 5;

interface Variant {
  name: string;
  features?: Partial<FeatureOptions>;
  alpha?: number;
  epochs?: number;
  minDf?: number;
  /** L-BFGS to the optimum with this lambda instead of SGD. */
  lbfgs?: number;
  /** Log-linear blend with naive Bayes on words, this weight to NB. */
  naiveBayes?: number;
  /** IDF also over the unlabelled texts. */
  unlabelledIdf?: boolean;
  /** Self-training: unlabelled texts predicted with at least this probability join the training set once. */
  selfTraining?: number;
  baseline?: boolean;
}

const chosen: Variant = { name: 'chosen: words + chars 1–2, SGD' };
const variants: Variant[] = [
  { name: 'naive Bayes on words (baseline)', baseline: true },
  chosen,
  { name: 'words only', features: { chars: false } },
  { name: 'chars 1–3 only', features: { words: false, charNgramMax: 3 } },
  { name: 'chars 1–2 only', features: { words: false } },
  { name: 'words + chars 1–3', features: { charNgramMax: 3 } },
  { name: 'words + chars 1–4', features: { charNgramMax: 4 } },
  { name: 'words + chars 2–3', features: { charNgramMin: 2, charNgramMax: 3 } },
  { name: 'min df 2', minDf: 2 },
  { name: 'L2 alpha 3e-4', alpha: 3e-4 },
  { name: 'L2 alpha 3e-5, 30 epochs', alpha: 3e-5, epochs: 30 },
  { name: 'L-BFGS to the optimum, lambda 1e-4', lbfgs: 1e-4 },
  { name: 'L-BFGS, lambda 1e-3', lbfgs: 1e-3 },
  { name: 'ensemble: + naive Bayes 0.3 (log-linear)', naiveBayes: 0.3 },
  { name: `IDF over ${UNLABELLED} unlabelled texts too`, unlabelledIdf: true },
  { name: `self-training on ${UNLABELLED} unlabelled (p ≥ 0.9)`, unlabelledIdf: true, selfTraining: 0.9 },
];

const rank = (p: ArrayLike<number>) =>
  Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b);

function evaluate(v: Variant, seed: number) {
  const data = generateAppeals(SIZE, seed).map((a) => ({ text: appealText(a), label: a.label }));
  const unlabelled = generateAppeals(UNLABELLED, seed + 1000).map(appealText);
  const labels = [...new Set(data.map((d) => d.label))].sort();
  const K = labels.length;
  const y = data.map((d) => labels.indexOf(d.label));
  const fold = stratifiedFolds(
    data.map((d) => d.label),
    FOLDS,
    42,
  );
  const feat = { ...defaultFeatureOptions, ...v.features };
  const X = data.map((d) => hashedCounts(d.text, feat));
  const U = v.unlabelledIdf || v.selfTraining ? unlabelled.map((t) => hashedCounts(t, feat)) : [];
  const wordLists = data.map((d) => words(normalizeText(d.text)));
  const ranked: number[][] = [];
  for (let f = 0; f < FOLDS; f++) {
    const tr = data.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const te = data.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const nb =
      v.baseline || v.naiveBayes
        ? trainNaiveBayes(
            tr.map((i) => wordLists[i]),
            tr.map((i) => y[i]),
            K,
          )
        : null;
    if (v.baseline) {
      for (const i of te) ranked[i] = rank(naiveBayesProbabilities(nb!, wordLists[i]));
      continue;
    }
    const vocab = fitIdf([...tr.map((i) => X[i]), ...U], v.minDf ?? learnerDefaults.minDf);
    const fit = (rows: SparseVector[], ys: number[]) =>
      v.lbfgs
        ? trainSoftmaxLbfgs(rows, ys, K, vocab.buckets.length, { lambda: v.lbfgs, maxIterations: 200 })
        : trainSoftmax(rows, ys, K, vocab.buckets.length, {
            alpha: v.alpha ?? learnerDefaults.alpha,
            epochs: v.epochs ?? learnerDefaults.epochs,
            seed: 42 + f,
          });
    const rows = tr.map((i) => tfidfVector(X[i], vocab));
    const ys = tr.map((i) => y[i]);
    let linear = fit(rows, ys);
    if (v.selfTraining) {
      const more = U.map((c) => tfidfVector(c, vocab));
      const sure = more.flatMap((row) => {
        const p = softmaxInPlace(linearScores(linear, row));
        const best = rank(p)[0];
        return p[best] >= v.selfTraining! ? [{ row, best }] : [];
      });
      linear = fit([...rows, ...sure.map((s) => s.row)], [...ys, ...sure.map((s) => s.best)]);
    }
    for (const i of te) {
      let p = softmaxInPlace(linearScores(linear, tfidfVector(X[i], vocab)));
      if (nb) {
        const q = naiveBayesProbabilities(nb, wordLists[i]);
        const w = v.naiveBayes!;
        p = softmaxInPlace(p.map((pk, k) => (1 - w) * Math.log(pk + 1e-12) + w * Math.log(q[k] + 1e-12)));
      }
      ranked[i] = rank(p);
    }
  }
  return scoreRankings(y, ranked, K);
}

console.log(`alternatives — 5-fold CV, mean of ${SEEDS.length} synthetic files × ${SIZE} appeals`);
for (const v of variants) {
  const t = performance.now();
  const mean = { top1: 0, top3: 0, macroF1: 0 };
  for (const seed of SEEDS) {
    const s = evaluate(v, seed);
    for (const k of ['top1', 'top3', 'macroF1'] as const) mean[k] += s[k] / SEEDS.length;
  }
  console.log(
    `${v.name.padEnd(44)} top-1 ${fmt(mean.top1, 3)} top-3 ${fmt(mean.top3, 3)} macro-F1 ${fmt(mean.macroF1, 3)} (${fmt((performance.now() - t) / 1000, 1)} s)`,
  );
}
