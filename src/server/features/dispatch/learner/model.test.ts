import { describe, expect, it } from 'vitest';
import { generateAppeals, appealText } from '../../../../../test/support/dispatch-data.js';
import {
  crossValidate,
  deserializeModel,
  ModelFormatError,
  predictProbabilities,
  predictTop,
  serializeModel,
  trainModel,
  type LabelledText,
} from './index.js';
import { stratifiedFolds } from './evaluate.js';

const separable: LabelledText[] = [
  ['小区路灯坏了晚上很黑', '城乡建设'],
  ['楼道路灯不亮没人修', '城乡建设'],
  ['物业不修电梯', '城乡建设'],
  ['电梯又坏了物业不管', '城乡建设'],
  ['工厂排放废气很臭', '环境保护'],
  ['河道污水发黑发臭', '环境保护'],
  ['化工厂废气刺鼻', '环境保护'],
  ['污水直接排进河里', '环境保护'],
  ['公交车司机态度差', '交通运输'],
  ['出租车拒载还绕路', '交通运输'],
  ['公交车班次太少', '交通运输'],
  ['出租车司机不打表', '交通运输'],
].map(([text, label]) => ({ text, label }));

const appeals = (n: number, seed: number) =>
  generateAppeals(n, seed).map((a) => ({ text: appealText(a), label: a.label }));

describe('trainModel and predictTop', { timeout: 30_000 }, () => {
  it('learns a small separable set', () => {
    const model = trainModel(separable, { seed: 1 });
    expect(model.labels).toEqual(['交通运输', '城乡建设', '环境保护']);
    expect(model.trainedOn).toBe(12);
    expect(model.temperature).toBe(1); // too few examples to calibrate on
    for (const e of separable) expect(predictTop(model, e.text, 1)[0].label).toBe(e.label);
    expect(predictTop(model, '路灯不亮')[0].label).toBe('城乡建设');
    expect(predictTop(model, '废气污水')[0].label).toBe('环境保护');
    expect(predictTop(model, '出租车拒载')[0].label).toBe('交通运输');
  });

  it('gives probabilities over all labels that sum to 1, best first', () => {
    const model = trainModel(appeals(150, 3), { seed: 1 });
    for (const text of ['工地拖欠工资', '楼上邻居半夜吵闹', '', '𠮷𠮷𠮷', 'abc']) {
      const p = predictProbabilities(model, text);
      expect(p).toHaveLength(model.labels.length);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      const all = predictTop(model, text, model.labels.length);
      expect(all.map((s) => s.label).sort()).toEqual([...model.labels].sort());
      for (let i = 1; i < all.length; i++) expect(all[i - 1].probability).toBeGreaterThanOrEqual(all[i].probability);
    }
    expect(predictTop(model, '工地拖欠工资')).toHaveLength(3);
  });

  it('is JSON-serialisable and the same seed gives the same model', () => {
    const data = appeals(120, 5);
    const a = trainModel(data, { seed: 7 });
    expect(a.temperature).not.toBe(1); // fitted on out-of-fold scores
    const b = trainModel(data, { seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    const c = trainModel(data, { seed: 8 });
    expect(JSON.stringify(c.weights)).not.toBe(JSON.stringify(a.weights));
  });

  it('counts unlabelled texts in the IDF: a word common among them weighs less', () => {
    const plain = trainModel(separable, { seed: 1 });
    const withUnlabelled = trainModel(separable, {
      seed: 1,
      unlabelledTexts: Array.from({ length: 20 }, (_, i) => `第${i}次反映路灯的问题`),
    });
    expect(withUnlabelled.trainedOn).toBe(12);
    expect(withUnlabelled.buckets.length).toBeGreaterThan(plain.buckets.length);
    const lamp = predictTop(plain, '路灯', 1)[0].probability;
    expect(predictTop(withUnlabelled, '路灯', 1)[0].label).toBe('城乡建设');
    expect(predictTop(withUnlabelled, '路灯', 1)[0].probability).not.toBeCloseTo(lamp, 6);
  });

  it('refuses to train on nothing', () => {
    expect(() => trainModel([])).toThrow();
    expect(() => trainModel([{ text: '路灯坏了', label: '' }])).toThrow(/label/);
    // One label: every prediction is that label with probability 1.
    const one = trainModel([{ text: '路灯坏了', label: '城乡建设' }]);
    expect(predictTop(one, '噪音')).toEqual([{ label: '城乡建设', probability: 1 }]);
    expect(deserializeModel(serializeModel(one))).toEqual(one);
  });
});

describe('serializeModel', { timeout: 30_000 }, () => {
  it('round-trips to identical predictions, and is compact', () => {
    const model = trainModel(appeals(200, 11), { seed: 3 });
    const buf = serializeModel(model);
    const back = deserializeModel(buf);
    expect(back).toEqual(model);
    for (const a of generateAppeals(30, 99)) {
      const text = appealText(a);
      expect(predictTop(back, text, 7)).toEqual(predictTop(model, text, 7));
    }
    expect(buf.length).toBeLessThan(JSON.stringify(model).length / 2);
  });

  it('refuses a damaged or foreign buffer', () => {
    const buf = serializeModel(trainModel(separable, { seed: 1 }));
    expect(() => deserializeModel(Buffer.from('hello world'))).toThrow(ModelFormatError);
    expect(() => deserializeModel(buf.subarray(0, buf.length - 4))).toThrow(ModelFormatError);
    const nan = Buffer.from(buf);
    nan.writeFloatLE(Number.NaN, nan.length - 4);
    expect(() => deserializeModel(nan)).toThrow(ModelFormatError);
    const header = Buffer.from(buf);
    header.write('{"kind":"x"', 8); // the header no longer parses
    expect(() => deserializeModel(header)).toThrow(ModelFormatError);
  });
});

describe('crossValidate', { timeout: 60_000 }, () => {
  it('stratifies: every fold holds every label', () => {
    const labels = appeals(140, 2).map((e) => e.label);
    const fold = stratifiedFolds(labels, 5, 42);
    for (let f = 0; f < 5; f++) {
      const inFold = new Set(labels.filter((_, i) => fold[i] === f));
      expect(inFold).toEqual(new Set(labels));
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => fold.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(stratifiedFolds(labels, 5, 42)).toEqual(fold);
    expect(stratifiedFolds(labels, 5, 43)).not.toEqual(fold);
  });

  it('reports figures beside naive Bayes, the same for the same seed', () => {
    const data = appeals(200, 21);
    const e = crossValidate(data, { folds: 4, seed: 42 });
    expect(e.examples).toBe(200);
    expect(e.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
    const diagonal = e.confusion.reduce((a, row, i) => a + row[i], 0);
    expect(e.top1).toBeCloseTo(diagonal / 200, 9);
    expect(e.top3).toBeGreaterThanOrEqual(e.top1);
    expect(e.baseline.top3).toBeGreaterThanOrEqual(e.baseline.top1);
    for (const v of [e.top1, e.top3, e.macroF1, e.baseline.top1, e.baseline.macroF1]) {
      expect(v).toBeGreaterThan(0.3);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(crossValidate(data, { folds: 4, seed: 42 })).toEqual(e);
    // Calibrated: the best label's probability is about how often it is right.
    expect(e.calibration.ece).toBeLessThan(0.15);
    expect(e.calibration.logLoss).toBeGreaterThan(0);
    const [half] = e.confidence;
    expect(half.atLeast).toBe(0.5);
    expect(half.share).toBeGreaterThan(0.5);
    expect(half.top1).toBeGreaterThanOrEqual(e.top1);
  });
});
