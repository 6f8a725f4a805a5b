import type { SparseVector } from './tfidf.js';
import { seededRandom, shuffleInPlace } from './random.js';

// Multinomial logistic regression (softmax) trained by stochastic gradient descent with L2
// regularisation. The L2 shrink is kept as one scale factor for the whole matrix (Bottou's trick), so a
// step costs the example's non-zeros × classes, not the vocabulary × classes.

export interface SoftmaxOptions {
  /** L2 strength. */
  alpha: number;
  epochs: number;
  seed: number;
}

export interface LinearWeights {
  classes: number;
  features: number;
  /** weights[feature * classes + class] */
  weights: Float32Array;
  bias: Float32Array;
}

export function trainSoftmax(
  rows: SparseVector[],
  labels: ArrayLike<number>,
  classes: number,
  features: number,
  options: SoftmaxOptions,
): LinearWeights {
  const K = classes;
  const W = new Float64Array(features * K);
  const b = new Float64Array(K);
  const z = new Float64Array(K);
  let scale = 1;
  const { alpha } = options;
  // "optimal" schedule (as scikit-learn's SGD): eta = 1 / (alpha (t0 + t)), t0 so the first step is ~0.5.
  const t0 = 1 / (alpha * 0.5);
  let t = 0;
  const order = Int32Array.from(rows.keys());
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const { index, value } = rows[i];
      const eta = 1 / (alpha * (t0 + t));
      t++;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let n = 0; n < index.length; n++) s += W[index[n] * K + k] * value[n];
        z[k] = s * scale + b[k];
        if (z[k] > max) max = z[k];
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      const y = labels[i];
      scale *= 1 - eta * alpha;
      for (let k = 0; k < K; k++) {
        const g = z[k] / sum - (k === y ? 1 : 0);
        if (g === 0) continue;
        const step = (eta * g) / scale;
        for (let n = 0; n < index.length; n++) W[index[n] * K + k] -= step * value[n];
        b[k] -= eta * g * 0.1;
      }
      if (scale < 1e-9) {
        for (let j = 0; j < W.length; j++) W[j] *= scale;
        scale = 1;
      }
    }
  }
  const weights = new Float32Array(W.length);
  for (let j = 0; j < W.length; j++) weights[j] = W[j] * scale;
  return { classes: K, features, weights, bias: Float32Array.from(b) };
}

/** Raw scores (logits) of a row. */
export function linearScores(model: LinearWeights, row: SparseVector): Float64Array {
  const K = model.classes;
  const out = Float64Array.from(model.bias);
  const { index, value } = row;
  for (let n = 0; n < index.length; n++) {
    const base = index[n] * K;
    for (let k = 0; k < K; k++) out[k] += model.weights[base + k] * value[n];
  }
  return out;
}

/** Softmax with a temperature, in place; the result sums to 1. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp((scores[k] - max) / temperature);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k++) scores[k] /= sum;
  return scores;
}
