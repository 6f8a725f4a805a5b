// Smart dispatch (智能派单, issue 20): the learner against multinomial naive Bayes on words, in the same
// run, on synthetic appeals (test/support/dispatch-data.ts — not real messages).
//   1. training on BENCH_DISPATCH_TRAIN (10,000) messages: wall and CPU time (goal < 30 s);
//   2. one prediction (goal < 5 ms): p50/p99 over BENCH_DISPATCH_PREDICT held-out messages;
//   3. accuracy: stratified 5-fold cross-validation, mean over four generated files of 300 messages
//      (the "a few hundred labelled") and one of 2,000.
// BENCH_ALTERNATIVES=1 also runs the alternatives table (bench/dispatch-alternatives.ts).
import {
  deserializeModel,
  predictTop,
  serializeModel,
  trainModel,
  crossValidate,
} from '../src/server/features/dispatch/learner/index.js';
import { normalizeText, words } from '../src/server/features/dispatch/learner/features.js';
import { naiveBayesProbabilities, trainNaiveBayes } from '../src/server/features/dispatch/learner/naive-bayes.js';
import { appealText, generateAppeals } from '../test/support/dispatch-data.js';
import { fmt, machine, percentile } from './lib.js';

const TRAIN = Number(process.env.BENCH_DISPATCH_TRAIN ?? 10_000);
const PREDICT = Number(process.env.BENCH_DISPATCH_PREDICT ?? 2_000);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function measure<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const w = performance.now();
  const c = cpu();
  const value = fn();
  return { value, wall: performance.now() - w, cpu: cpu() - c };
}

console.log(`dispatch benchmark — train ${TRAIN}, predict ${PREDICT} — ${machine()}`);
const train = generateAppeals(TRAIN, 1).map((a) => ({ text: appealText(a), label: a.label }));
const held = generateAppeals(PREDICT, 2).map((a) => ({ text: appealText(a), label: a.label }));
predictTop(trainModel(train.slice(0, 50), { seed: 1 }), '预热 jieba'); // load the dictionary outside the timings

const learner = measure(() => trainModel(train, { seed: 42 }));
const labels = learner.value.labels;
const nb = measure(() =>
  trainNaiveBayes(
    train.map((e) => words(normalizeText(e.text))),
    train.map((e) => labels.indexOf(e.label)),
    labels.length,
  ),
);
console.log(
  `train    learner ${fmt(learner.wall / 1000, 2)} s (CPU ${fmt(learner.cpu / 1000, 2)} s) · naive Bayes ${fmt(nb.wall / 1000, 2)} s (CPU ${fmt(nb.cpu / 1000, 2)} s) · ratio ${fmt(learner.cpu / nb.cpu)}× CPU`,
);

const model = learner.value;
const bytes = serializeModel(model);
const back = deserializeModel(bytes);
console.log(
  `model    ${model.buckets.length} features × ${labels.length} labels · serialized ${fmt(bytes.length / 1024, 0)} KiB (JSON ${fmt(JSON.stringify(model).length / 1024, 0)} KiB) · round trip same top-3: ${held.slice(0, 200).every((e) => JSON.stringify(predictTop(back, e.text)) === JSON.stringify(predictTop(model, e.text)))}`,
);

const times = (fn: (text: string) => unknown) =>
  held
    .map((e) => {
      const t = performance.now();
      fn(e.text);
      return performance.now() - t;
    })
    .sort((a, b) => a - b);
const lt = times((text) => predictTop(model, text));
const nt = times((text) => naiveBayesProbabilities(nb.value, words(normalizeText(text))));
console.log(
  `predict  learner p50 ${fmt(percentile(lt, 50), 2)} ms p99 ${fmt(percentile(lt, 99), 2)} ms · naive Bayes p50 ${fmt(percentile(nt, 50), 2)} ms p99 ${fmt(percentile(nt, 99), 2)} ms · ratio ${fmt(percentile(lt, 50) / percentile(nt, 50))}× p50`,
);
const hit = held.filter((e) => predictTop(model, e.text, 1)[0].label === e.label).length / held.length;
console.log(`held-out top-1 of the ${TRAIN}-message model on ${PREDICT} new messages: ${fmt(hit, 3)}`);

const row = (name: string, s: { top1: number; top3: number; macroF1: number }) =>
  `${name} top-1 ${fmt(s.top1, 3)} top-3 ${fmt(s.top3, 3)} macro-F1 ${fmt(s.macroF1, 3)}`;
for (const [size, seeds] of [
  [300, [1, 2, 3, 4]],
  [2000, [1]],
] as const) {
  const sum = { l: { top1: 0, top3: 0, macroF1: 0 }, b: { top1: 0, top3: 0, macroF1: 0 } };
  const t = performance.now();
  for (const seed of seeds) {
    const data = generateAppeals(size, seed).map((a) => ({ text: appealText(a), label: a.label }));
    const e = crossValidate(data, { folds: 5, seed: 42 });
    for (const k of ['top1', 'top3', 'macroF1'] as const) {
      sum.l[k] += e[k] / seeds.length;
      sum.b[k] += e.baseline[k] / seeds.length;
    }
  }
  console.log(
    `5-fold CV, ${seeds.length} × ${size} messages (${fmt((performance.now() - t) / 1000, 1)} s):\n  ${row('learner    ', sum.l)}\n  ${row('naive Bayes', sum.b)}\n  ratio top-1 ${fmt(sum.l.top1 / sum.b.top1, 3)}× · errors ${fmt(1 - sum.l.top1, 3)} vs ${fmt(1 - sum.b.top1, 3)}`,
  );
}

if (process.env.BENCH_ALTERNATIVES === '1') await import('./dispatch-alternatives.js');
