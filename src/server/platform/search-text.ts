import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// Chinese text → words (jieba): what full-text search matches on (cases' duplicate suggestions and
// category hints, the legal FAQ). Stored in text_tokens columns, so changing it changes what old rows match.
// The dictionary takes ~0.3 s of CPU to load: loaded at the first text cut, not at every start.
const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;
function cutter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}
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

/** jieba's plain segmentation (every piece, punctuation included): the dispatch learner's words. One
 * dictionary in memory for search and the learner. */
export function segmentWords(text: string): string[] {
  return cutter().cut(text, false);
}

export function tokenize(text: string): string[] {
  const words = cutter()
    .cut(text, false)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && !/^[\p{P}\p{S}\s\d]+$/u.test(w) && !stopWords.has(w));
  return [...new Set(words)].slice(0, 200);
}
