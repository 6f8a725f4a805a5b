import type { SparseVector } from '../src/server/features/dispatch/learner/tfidf.js';
import type { LinearWeights } from '../src/server/features/dispatch/learner/softmax.js';

// An alternative measured in bench/dispatch-alternatives.ts, not used by the learner: multinomial
// logistic regression fitted to its optimum by L-BFGS (full batch): the mean log loss plus
// (lambda / 2) ‖W‖² (bias not regularised). Deterministic, no learning rate to tune; a pass costs the
// non-zeros × classes, and it needs a hundred passes or more where SGD needs twelve.

export interface LbfgsOptions {
  lambda: number;
  maxIterations: number;
  /** Stop when the gradient's largest entry falls under this. */
  tolerance?: number;
  /** Per-example weights (self-training gives predicted labels a smaller say); default 1. */
  sampleWeights?: ArrayLike<number>;
}

export function trainSoftmaxLbfgs(
  rows: SparseVector[],
  labels: ArrayLike<number>,
  classes: number,
  features: number,
  options: LbfgsOptions,
): LinearWeights {
  const K = classes;
  const dim = features * K + K; // weights, then bias
  const n = rows.length;
  const sw = options.sampleWeights;
  const totalWeight = sw ? Array.from(sw).reduce((a, b) => a + b, 0) : n;
  const { lambda } = options;
  const z = new Float64Array(K);

  const evaluate = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const biasAt = features * K;
    for (let i = 0; i < n; i++) {
      const { index, value } = rows[i];
      const w = sw ? sw[i] / totalWeight : 1 / totalWeight;
      let max = -Infinity;
      for (let k = 0; k < K; k++) z[k] = x[biasAt + k];
      for (let j = 0; j < index.length; j++) {
        const base = index[j] * K;
        const v = value[j];
        for (let k = 0; k < K; k++) z[k] += x[base + k] * v;
      }
      for (let k = 0; k < K; k++) if (z[k] > max) max = z[k];
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      const y = labels[i];
      loss -= w * Math.log(z[y] / sum);
      for (let k = 0; k < K; k++) z[k] = (w * z[k]) / sum - (k === y ? w : 0);
      for (let j = 0; j < index.length; j++) {
        const base = index[j] * K;
        const v = value[j];
        for (let k = 0; k < K; k++) grad[base + k] += z[k] * v;
      }
      for (let k = 0; k < K; k++) grad[biasAt + k] += z[k];
    }
    for (let d = 0; d < biasAt; d++) {
      loss += 0.5 * lambda * x[d] * x[d];
      grad[d] += lambda * x[d];
    }
    return loss;
  };

  const x = new Float64Array(dim);
  const g = new Float64Array(dim);
  let f = evaluate(x, g);
  const m = 8;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  const alphaHist = new Float64Array(m);
  const tolerance = options.tolerance ?? 1e-5;
  for (let iter = 0; iter < options.maxIterations; iter++) {
    let gmax = 0;
    for (let d = 0; d < dim; d++) gmax = Math.max(gmax, Math.abs(g[d]));
    if (gmax < tolerance) break;
    // Two-loop recursion: dir = -H g.
    for (let d = 0; d < dim; d++) dir[d] = -g[d];
    for (let h = S.length - 1; h >= 0; h--) {
      alphaHist[h] = rho[h] * dot(S[h], dir);
      axpy(-alphaHist[h], Y[h], dir);
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let d = 0; d < dim; d++) dir[d] *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let d = 0; d < dim; d++) dir[d] /= Math.max(1, norm);
    }
    for (let h = 0; h < S.length; h++) {
      const beta = rho[h] * dot(Y[h], dir);
      axpy(alphaHist[h] - beta, S[h], dir);
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction: start over from the gradient.
      S.length = Y.length = rho.length = 0;
      for (let d = 0; d < dim; d++) dir[d] = -g[d];
      slope = dot(g, dir);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    let fNew = 0;
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      for (let d = 0; d < dim; d++) xNew[d] = x[d] + step * dir[d];
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(dim);
    const yv = new Float64Array(dim);
    for (let d = 0; d < dim; d++) {
      s[d] = xNew[d] - x[d];
      yv[d] = gNew[d] - g[d];
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    x.set(xNew);
    g.set(gNew);
    const improvement = f - fNew;
    f = fNew;
    if (improvement < 1e-9 * Math.max(1, Math.abs(f))) break;
  }
  return {
    classes: K,
    features,
    weights: Float32Array.from(x.subarray(0, features * K)),
    bias: Float32Array.from(x.subarray(features * K)),
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}
