import { z } from 'zod';
import { defaultFeatureOptions, hashedCounts, type FeatureOptions } from './features.js';
import { fitIdf, tfidfVector, vocabularyFrom, type Vocabulary } from './tfidf.js';
import { linearScores, softmaxInPlace, trainSoftmax, type LinearWeights } from './softmax.js';
import { fitTemperature } from './calibration.js';
import { stratifiedFolds } from './folds.js';
import { seededRandom, shuffleInPlace } from './random.js';

// The dispatch model: hashed words + character n-grams → TF-IDF → softmax logistic regression.
// A plain object of numbers (JSON-serialisable); serializeModel packs it as Float32 for the database.

export interface LabelledText {
  text: string;
  label: string;
}

/** One suggested label; the probabilities of all labels sum to 1. */
export interface Suggestion {
  label: string;
  probability: number;
}

/** Format version of DispatchModel; deserializeModel refuses other versions. */
export const MODEL_VERSION = 1;

export interface DispatchModel {
  kind: 'linli-dispatch';
  version: number;
  /** Class labels, sorted; weights' columns follow them. */
  labels: string[];
  /** Labelled examples it was trained on. */
  trainedOn: number;
  seed: number;
  features: FeatureOptions;
  /** Hash buckets with a column, ascending. */
  buckets: number[];
  idf: number[];
  /** weights[column * labels.length + label] */
  weights: number[];
  bias: number[];
  /** Softmax temperature (calibration). */
  temperature: number;
}

export interface TrainOptions {
  seed?: number;
  /** Case descriptions without a label: they count in the IDF (how rare a word is in this county). */
  unlabelledTexts?: string[];
}

// Chosen by cross-validation on the synthetic appeals (docs/features/smart-dispatch.md lists the
// alternatives and their figures): character 1–2-grams beat 1–3 there, every bucket kept (min df 1).
export const learnerDefaults = { alpha: 1e-4, epochs: 12, minDf: 1, calibrate: true };

/** Examples the temperature is fitted on at most (a 3-fold split of them): its cost stays bounded. */
const CALIBRATION_SAMPLE = 3000;

export function trainModel(examples: LabelledText[], options: TrainOptions = {}): DispatchModel {
  const features = { ...defaultFeatureOptions };
  return trainFromCounts(
    examples.map((e) => e.label),
    examples.map((e) => hashedCounts(e.text, features)),
    (options.unlabelledTexts ?? []).map((t) => hashedCounts(t, features)),
    features,
    (options.seed ?? 1) >>> 0,
  );
}

/** trainModel on texts already hashed with `features` (cross-validation hashes each text once). */
export function trainFromCounts(
  exampleLabels: string[],
  counts: Map<number, number>[],
  unlabelled: Map<number, number>[],
  features: FeatureOptions,
  seed: number,
): DispatchModel {
  if (counts.length === 0) throw new Error('trainModel needs at least one labelled example');
  // What deserializeModel accepts: a model that can be stored can be read back.
  if (exampleLabels.some((l) => l.length === 0 || l.length > 200))
    throw new Error('trainModel: every label must have 1 to 200 characters');
  const labels = [...new Set(exampleLabels)].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(exampleLabels, (l) => labelIndex.get(l)!);
  const { vocab, linear } = fitLinear(counts, y, labels.length, unlabelled, seed);
  const temperature = learnerDefaults.calibrate
    ? calibrate(exampleLabels, counts, y, labels.length, unlabelled, seed)
    : 1;
  return {
    kind: 'linli-dispatch',
    version: MODEL_VERSION,
    labels,
    trainedOn: counts.length,
    seed,
    features: { ...features },
    buckets: Array.from(vocab.buckets),
    idf: Array.from(vocab.idf),
    weights: Array.from(linear.weights),
    bias: Array.from(linear.bias),
    temperature: Math.fround(temperature),
  };
}

function fitLinear(
  counts: Map<number, number>[],
  y: ArrayLike<number>,
  classes: number,
  unlabelled: Map<number, number>[],
  seed: number,
) {
  const vocab = fitIdf([...counts, ...unlabelled], learnerDefaults.minDf);
  const rows = counts.map((c) => tfidfVector(c, vocab));
  const linear = trainSoftmax(rows, y, classes, vocab.buckets.length, {
    alpha: learnerDefaults.alpha,
    epochs: learnerDefaults.epochs,
    seed,
  });
  return { vocab, linear };
}

/** The softmax temperature fitted on 3-fold out-of-fold scores (1 when there are too few examples). */
function calibrate(
  exampleLabels: string[],
  counts: Map<number, number>[],
  y: Int32Array,
  classes: number,
  unlabelled: Map<number, number>[],
  seed: number,
): number {
  if (counts.length < 30 || classes < 2) return 1;
  let sample = Array.from(counts.keys());
  if (sample.length > CALIBRATION_SAMPLE) {
    shuffleInPlace(sample, seededRandom(seed ^ 0x5eed));
    sample = sample.slice(0, CALIBRATION_SAMPLE).sort((a, b) => a - b);
  }
  const fold = stratifiedFolds(
    sample.map((i) => exampleLabels[i]),
    3,
    seed,
  );
  const scores: Float64Array[] = [];
  const truth: number[] = [];
  for (let f = 0; f < 3; f++) {
    const train = sample.filter((_, j) => fold[j] !== f);
    const test = sample.filter((_, j) => fold[j] === f);
    const { vocab, linear } = fitLinear(
      train.map((i) => counts[i]),
      train.map((i) => y[i]),
      classes,
      unlabelled,
      seed + f + 1,
    );
    for (const i of test) {
      scores.push(linearScores(linear, tfidfVector(counts[i], vocab)));
      truth.push(y[i]);
    }
  }
  return fitTemperature(scores, truth);
}

interface Runtime {
  vocab: Vocabulary;
  linear: LinearWeights;
}
const runtimes = new WeakMap<DispatchModel, Runtime>();

function runtime(model: DispatchModel): Runtime {
  let r = runtimes.get(model);
  if (!r) {
    r = {
      vocab: vocabularyFrom(model.buckets, model.idf),
      linear: {
        classes: model.labels.length,
        features: model.buckets.length,
        weights: Float32Array.from(model.weights),
        bias: Float32Array.from(model.bias),
      },
    };
    runtimes.set(model, r);
  }
  return r;
}

/** Probability of every label, in model.labels order (sums to 1). */
export function predictProbabilities(model: DispatchModel, text: string): Float64Array {
  return predictFromCounts(model, hashedCounts(text, model.features));
}

export function predictFromCounts(model: DispatchModel, counts: Map<number, number>): Float64Array {
  const { vocab, linear } = runtime(model);
  const row = tfidfVector(counts, vocab);
  return softmaxInPlace(linearScores(linear, row), model.temperature);
}

/** The k most likely labels, best first (ties by label order). */
export function predictTop(model: DispatchModel, text: string, k = 3): Suggestion[] {
  const p = predictProbabilities(model, text);
  return rankLabels(model.labels, p).slice(0, Math.max(0, k));
}

export function rankLabels(labels: string[], p: ArrayLike<number>): Suggestion[] {
  return labels
    .map((label, i) => ({ label, probability: p[i], i }))
    .sort((a, b) => b.probability - a.probability || a.i - b.i)
    .map(({ label, probability }) => ({ label, probability }));
}

// Binary layout: "LNDM", uint32 header length, header JSON (UTF-8), zero padding to 4 bytes, then
// little-endian Int32 buckets, Float32 idf, Float32 weights, Float32 bias.
const MAGIC = Buffer.from('LNDM', 'ascii');

const headerSchema = z.strictObject({
  kind: z.literal('linli-dispatch'),
  version: z.literal(MODEL_VERSION),
  labels: z.array(z.string().min(1).max(200)).min(1).max(10_000),
  trainedOn: z.number().int().nonnegative(),
  seed: z.number().int(),
  features: z.strictObject({
    hashBits: z.number().int().min(8).max(24),
    charNgramMin: z.number().int().min(1).max(5),
    charNgramMax: z.number().int().min(1).max(5),
    words: z.boolean(),
    chars: z.boolean(),
  }),
  columns: z.number().int().nonnegative(),
  temperature: z.number().positive().finite(),
});

export function serializeModel(model: DispatchModel): Buffer {
  const header = {
    kind: model.kind,
    version: model.version,
    labels: model.labels,
    trainedOn: model.trainedOn,
    seed: model.seed,
    features: model.features,
    columns: model.buckets.length,
    temperature: model.temperature,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerEnd = 8 + json.length;
  const start = Math.ceil(headerEnd / 4) * 4;
  const n = model.buckets.length;
  const K = model.labels.length;
  const out = Buffer.alloc(start + 4 * (n + n + n * K + K));
  MAGIC.copy(out, 0);
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = start;
  for (const v of model.buckets) at = out.writeInt32LE(v, at);
  for (const list of [model.idf, model.weights, model.bias]) for (const v of list) at = out.writeFloatLE(v, at);
  return out;
}

export class ModelFormatError extends Error {}

export function deserializeModel(buf: Buffer): DispatchModel {
  const fail = (why: string): never => {
    throw new ModelFormatError(`不是有效的派单模型 Not a valid dispatch model: ${why}`);
  };
  if (buf.length < 8 || !buf.subarray(0, 4).equals(MAGIC)) fail('wrong magic');
  const length = buf.readUInt32LE(4);
  if (8 + length > buf.length) fail('header cut short');
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.subarray(8, 8 + length).toString('utf8'));
  } catch {
    fail('header is not JSON');
  }
  const result = headerSchema.safeParse(parsed);
  if (!result.success) return fail('header fields');
  const header = result.data;
  const n = header.columns;
  const K = header.labels.length;
  if (new Set(header.labels).size !== K) fail('labels repeat');
  if (header.features.charNgramMin > header.features.charNgramMax) fail('n-gram range');
  const start = Math.ceil((8 + length) / 4) * 4;
  if (buf.length !== start + 4 * (n + n + n * K + K)) fail('size does not match the header');
  let at = start;
  const buckets = new Array<number>(n);
  const limit = 2 ** header.features.hashBits;
  for (let i = 0; i < n; i++, at += 4) {
    buckets[i] = buf.readInt32LE(at);
    if (buckets[i] < 0 || buckets[i] >= limit || (i > 0 && buckets[i] <= buckets[i - 1])) fail('buckets');
  }
  const floats = (count: number) => {
    const list = new Array<number>(count);
    for (let i = 0; i < count; i++, at += 4) {
      list[i] = buf.readFloatLE(at);
      if (!Number.isFinite(list[i])) fail('a weight is not a finite number');
    }
    return list;
  };
  const idf = floats(n);
  const weights = floats(n * K);
  const bias = floats(K);
  const { columns: _columns, ...rest } = header;
  return { ...rest, kind: 'linli-dispatch', buckets, idf, weights, bias };
}
