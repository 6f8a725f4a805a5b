import { segmentWords } from '../../../platform/search-text.js';

// Text → hashed sparse counts: jieba words and character 1–3-grams, counted by code point (never
// UTF-16 units, so 𠀀 is one character). Hashing keeps memory fixed whatever the county's vocabulary.

/** Code points read per message: a pasted novel costs what a long appeal costs. */
export const MAX_TEXT_CHARS = 2_000;

export interface FeatureOptions {
  hashBits: number;
  charNgramMin: number;
  charNgramMax: number;
  words: boolean;
  chars: boolean;
}

export const defaultFeatureOptions: FeatureOptions = {
  hashBits: 18,
  charNgramMin: 1,
  charNgramMax: 2,
  words: true,
  chars: true,
};

// Words that carry no class: particles and the hotline's politeness.
const stopWords = new Set([
  '的',
  '了',
  '是',
  '在',
  '我',
  '有',
  '和',
  '就',
  '也',
  '都',
  '着',
  '吗',
  '呢',
  '吧',
  '啊',
  '请',
  '您好',
  '你好',
  '谢谢',
]);

/** NFKC (full-width → half-width), lower case, digit runs → one '0' (house and phone numbers are noise), cut to MAX_TEXT_CHARS code points. */
export function normalizeText(text: string): string {
  const cps = Array.from(text.normalize('NFKC').toLowerCase());
  return cps
    .slice(0, MAX_TEXT_CHARS)
    .join('')
    .replace(/\p{Nd}+/gu, '0');
}

const separator = /[\p{P}\p{S}\p{Z}\p{C}\s]+/u;

/** Runs of letters and digits between punctuation and spaces: n-grams never cross a comma. */
function segments(normalized: string): string[][] {
  return normalized
    .split(separator)
    .filter((s) => s.length > 0)
    .map((s) => Array.from(s));
}

/** Character n-grams (code points) of the normalized text, n from min to max. */
export function charNgrams(normalized: string, min = 1, max = 3): string[] {
  const grams: string[] = [];
  for (const chars of segments(normalized)) {
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
    }
  }
  return grams;
}

/** jieba words of the normalized text, without punctuation, bare numbers and stop words. */
export function words(normalized: string): string[] {
  return segmentWords(normalized)
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && !separator.test(w) && !/^0+$/.test(w) && !stopWords.has(w));
}

/** Every token of a text, namespaced: `w:` words, `c:` character n-grams. */
export function tokens(text: string, options: FeatureOptions = defaultFeatureOptions): string[] {
  const normalized = normalizeText(text);
  const out: string[] = [];
  if (options.words) for (const w of words(normalized)) out.push('w:' + w);
  if (options.chars)
    for (const g of charNgrams(normalized, options.charNgramMin, options.charNgramMax)) out.push('c:' + g);
  return out;
}

/** FNV-1a, 32 bits, over UTF-16 units: a stable bucket for a token (the model stores buckets, not strings). */
export function hashToken(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Bucket → count for a text. */
export function hashedCounts(text: string, options: FeatureOptions = defaultFeatureOptions): Map<number, number> {
  const mask = (1 << options.hashBits) - 1;
  const counts = new Map<number, number>();
  for (const t of tokens(text, options)) {
    const b = hashToken(t) & mask;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return counts;
}
