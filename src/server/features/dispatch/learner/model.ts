import { z } from 'zod';
import { defaultFeatureOptions, hashedCounts, type FeatureOptions } from './features.js';
import { fitIdf, tfidfVector, vocabularyFrom, type Vocabulary } from './tfidf.js';
import { linearScores, softmaxInPlace, trainSoftmax, type LinearWeights } from './softmax.js';

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

export const learnerDefaults = { alpha: 1e-4, epochs: 12, minDf: 2 };

export function trainModel(examples: LabelledText[], options: TrainOptions = {}): DispatchModel {
  if (examples.length === 0) throw new Error('trainModel needs at least one labelled example');
  const seed = options.seed ?? 1;
  const features = { ...defaultFeatureOptions };
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = examples.map((e) => hashedCounts(e.text, features));
  const unlabelled = (options.unlabelledTexts ?? []).map((t) => hashedCounts(t, features));
  const minDf = counts.length + unlabelled.length >= 50 ? learnerDefaults.minDf : 1;
  const vocab = fitIdf([...counts, ...unlabelled], minDf);
  const rows = counts.map((c) => tfidfVector(c, vocab));
  const y = Int32Array.from(examples, (e) => labelIndex.get(e.label)!);
  const linear = trainSoftmax(rows, y, labels.length, vocab.buckets.length, {
    alpha: learnerDefaults.alpha,
    epochs: learnerDefaults.epochs,
    seed,
  });
  return {
    kind: 'linli-dispatch',
    version: MODEL_VERSION,
    labels,
    trainedOn: examples.length,
    seed,
    features,
    buckets: Array.from(vocab.buckets),
    idf: Array.from(vocab.idf),
    weights: Array.from(linear.weights),
    bias: Array.from(linear.bias),
    temperature: 1,
  };
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
  const { vocab, linear } = runtime(model);
  const row = tfidfVector(hashedCounts(text, model.features), vocab);
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
