import { pinyin } from 'pinyin-pro';

// The county's own lists (resident tags, organisation kinds) keep a short latin code beside the
// Chinese label: imports, filters and old rows refer to the code, people read the label.

const CODE = /^[a-z_]{2,40}$/;

/** A code for a new entry: the one given, or the label's pinyin (法律援助对象 → falvyuanzhuduixiang). */
export function codeFromLabel(label: string, given: string | undefined, taken: ReadonlySet<string>): string {
  if (given) return given;
  const letters = pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]+/g, '')
    .slice(0, 34);
  const base = letters.length >= 2 ? letters : 'item';
  let code = base;
  for (let n = 1; taken.has(code) || !CODE.test(code); n++) code = `${base}_${letters26(n)}`;
  return code;
}

/** 1 → b, 2 → c, … 25 → z, 26 → bb: a suffix in letters, as codes hold no digits. */
function letters26(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor(k / 26)) out = 'abcdefghijklmnopqrstuvwxyz'[k % 26] + out;
  return out || 'a';
}
