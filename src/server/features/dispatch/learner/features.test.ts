import { describe, expect, it } from 'vitest';
import { charNgrams, hashedCounts, MAX_TEXT_CHARS, normalizeText, tokens, words } from './features.js';
import { fitIdf, tfidfVector } from './tfidf.js';

describe('tokenisation', () => {
  it('cuts character n-grams by code point, never across punctuation', () => {
    // 𠮷 is one code point but two UTF-16 units: a UTF-16 cut would make half-characters.
    expect(charNgrams('𠮷野家，好', 1, 2)).toEqual(['𠮷', '野', '家', '𠮷野', '野家', '好']);
    expect(charNgrams('路灯坏了', 3, 3)).toEqual(['路灯坏', '灯坏了']);
  });

  it('normalises width, case and digit runs, and cuts long text by code points', () => {
    expect(normalizeText('ＡＢＣ 12号楼 3单元')).toBe('abc 0号楼 0单元');
    const long = '𠮷'.repeat(MAX_TEXT_CHARS + 10);
    expect(Array.from(normalizeText(long))).toHaveLength(MAX_TEXT_CHARS);
  });

  it('gives jieba words without punctuation, numbers and stop words', () => {
    const w = words(normalizeText('您好，我家小区楼下的烧烤摊噪音扰民，12345反映过'));
    expect(w).toContain('小区');
    expect(w).toContain('噪音');
    expect(w).toContain('扰民');
    expect(w).not.toContain('的');
    expect(w).not.toContain('，');
    expect(w).not.toContain('0');
  });

  it('namespaces words and n-grams so the word 路灯 and the bigram 路灯 are two features', () => {
    const t = tokens('路灯');
    expect(t).toContain('w:路灯');
    expect(t).toContain('c:路灯');
    expect(t).toContain('c:路');
    const counts = hashedCounts('路灯路灯');
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(tokens('路灯路灯').length);
  });
});

describe('TF-IDF', () => {
  it('weights by sublinear tf and smoothed idf, scaled to unit length', () => {
    // Buckets stand in for tokens: 1 in every document, 2 in one, 3 twice in one.
    const docs = [
      new Map([
        [1, 1],
        [2, 1],
      ]),
      new Map([
        [1, 1],
        [3, 2],
      ]),
      new Map([[1, 1]]),
    ];
    const vocab = fitIdf(docs);
    expect(Array.from(vocab.buckets)).toEqual([1, 2, 3]);
    const idf1 = Math.log(4 / 4) + 1;
    const idf3 = Math.log(4 / 2) + 1;
    expect(vocab.idf[0]).toBeCloseTo(idf1, 6);
    expect(vocab.idf[2]).toBeCloseTo(idf3, 6);
    const v = tfidfVector(docs[1], vocab);
    const raw = [idf1, (1 + Math.log(2)) * idf3];
    const norm = Math.hypot(...raw);
    expect(Array.from(v.index)).toEqual([0, 2]);
    expect(v.value[0]).toBeCloseTo(raw[0] / norm, 6);
    expect(v.value[1]).toBeCloseTo(raw[1] / norm, 6);
    expect(Math.hypot(...v.value)).toBeCloseTo(1, 6);
  });

  it('drops buckets under the minimum document frequency and unknown buckets', () => {
    const vocab = fitIdf(
      [
        new Map([
          [1, 1],
          [2, 1],
        ]),
        new Map([[1, 1]]),
      ],
      2,
    );
    expect(Array.from(vocab.buckets)).toEqual([1]);
    expect(
      Array.from(
        tfidfVector(
          new Map([
            [2, 1],
            [9, 1],
          ]),
          vocab,
        ).index,
      ),
    ).toEqual([]);
  });
});

describe('calibration', () => {
  it('finds the temperature the scores were drawn with', async () => {
    const { fitTemperature, logLoss } = await import('./calibration.js');
    // Labels drawn from softmax(logits / 2): the fitted temperature should come back near 2.
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const scores: number[][] = [];
    const truth: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const s = [random() * 8, random() * 8, random() * 8];
      const e = s.map((v) => Math.exp(v / 2));
      const sum = e.reduce((a, b) => a + b, 0);
      let r = random() * sum;
      let k = 0;
      while (k < 2 && (r -= e[k]) > 0) k++;
      scores.push(s);
      truth.push(k);
    }
    const t = fitTemperature(scores, truth);
    expect(t).toBeGreaterThan(1.7);
    expect(t).toBeLessThan(2.3);
    expect(logLoss(scores, truth, t)).toBeLessThan(logLoss(scores, truth, 1));
  });

  it('measures calibration error: 0 when confidence matches accuracy', async () => {
    const { expectedCalibrationError } = await import('./calibration.js');
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 9);
    expect(expectedCalibrationError([0.95, 0.95], [false, false])).toBeCloseTo(0.95, 9);
  });
});
