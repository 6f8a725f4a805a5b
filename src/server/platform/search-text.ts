import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese text → words (jieba): what full-text search matches on (cases' duplicate suggestions and
// category hints, the legal FAQ). Stored in text_tokens columns, so changing it changes what old rows match.
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

/** jieba's plain segmentation (every piece, punctuation included): the dispatch learner's words. One
 * dictionary in memory for search and the learner. */
export function segmentWords(text: string): string[] {
  return jieba.cut(text, false);
}

export function tokenize(text: string): string[] {
  const words = jieba
    .cut(text, false)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && !/^[\p{P}\p{S}\s\d]+$/u.test(w) && !stopWords.has(w));
  return [...new Set(words)].slice(0, 200);
}
