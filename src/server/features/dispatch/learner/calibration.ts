// Temperature scaling: one number T dividing the logits, fitted to out-of-fold predictions by least log
// loss. It does not change which label ranks first; it makes "0.9" mean right about nine times in ten,
// which is what a county's auto-routing threshold relies on.

/** Mean negative log-likelihood of the true labels under softmax(scores / T). */
export function logLoss(scores: ArrayLike<number>[], truth: number[], temperature: number): number {
  let total = 0;
  scores.forEach((s, i) => {
    let max = -Infinity;
    for (let k = 0; k < s.length; k++) max = Math.max(max, s[k] / temperature);
    let sum = 0;
    for (let k = 0; k < s.length; k++) sum += Math.exp(s[k] / temperature - max);
    total -= s[truth[i]] / temperature - max - Math.log(sum);
  });
  return total / Math.max(1, scores.length);
}

/** T in [0.05, 20] by golden-section search on ln T. */
export function fitTemperature(scores: ArrayLike<number>[], truth: number[]): number {
  if (scores.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = logLoss(scores, truth, Math.exp(a));
  let fb = logLoss(scores, truth, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = logLoss(scores, truth, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = logLoss(scores, truth, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Expected calibration error: |confidence − accuracy| of the top label over ten confidence bins, weighted by size. */
export function expectedCalibrationError(confidence: number[], correct: boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, hit: 0 }));
  confidence.forEach((c, i) => {
    const bin = bins[Math.min(9, Math.floor(c * 10))];
    bin.n++;
    bin.conf += c;
    bin.hit += correct[i] ? 1 : 0;
  });
  const n = confidence.length || 1;
  return bins.reduce((e, b) => e + (b.n === 0 ? 0 : (b.n / n) * Math.abs(b.conf / b.n - b.hit / b.n)), 0);
}
