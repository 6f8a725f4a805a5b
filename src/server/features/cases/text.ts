import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese text → words (jieba), for duplicate suggestions and category hints.
const jieba = Jieba.withDict(dict);
const stopWords = new Set([
  '的',
  '了',
  '是',
  '在',
  '我',
  '有',
  '和',
  '就',
  '不',
  '人',
  '都',
  '一',
  '也',
  '很',
  '到',
  '说',
  '要',
  '去',
  '你',
  '会',
  '着',
  '没有',
  '看',
  '好',
  '这',
  '那',
  '吗',
  '呢',
  '吧',
  '啊',
  '请',
  '帮',
  '一下',
]);

export function tokenize(text: string): string[] {
  const words = jieba
    .cut(text, false)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && !/^[\p{P}\p{S}\s\d]+$/u.test(w) && !stopWords.has(w));
  return [...new Set(words)].slice(0, 200);
}

/** Jaccard similarity of two word sets. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const shared = a.filter((w) => setB.has(w)).length;
  return shared / (a.length + b.length - shared);
}

/** The category whose keywords the text hits most, if any. */
export function suggestCategory(
  tokens: readonly string[],
  text: string,
  categories: readonly { code: string; keywords: string[] }[],
): string | null {
  let best: { code: string; hits: number } | null = null;
  for (const c of categories) {
    const hits = c.keywords.filter((k) => tokens.includes(k) || text.includes(k)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { code: c.code, hits };
  }
  return best?.code ?? null;
}
