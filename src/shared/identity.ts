// Chinese resident ID numbers (GB 11643-1999) and phone numbers; used by server and web.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return checkChars[sum % 11];
}

export interface IdNumberInfo {
  normalized: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'male' | 'female';
  regionCode: string;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** Checks an 18-character ID number: format, a real birth date, and the check character. */
export function parseIdNumber(
  raw: string,
  today = new Date(),
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date > today
  ) {
    return { ok: false, problem: 'birthDate' };
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checkDigit' };
  return {
    ok: true,
    info: {
      normalized: value,
      birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
      gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: value.slice(0, 6),
    },
  };
}

/** Mainland mobile (11 digits) or a landline with area code; returns digits (and one dash) or null. */
export function normalizePhone(raw: string): string | null {
  const value = raw
    .trim()
    .replace(/[\s()（）]/g, '')
    .replace(/^\+?86-?/, '');
  if (/^1[3-9]\d{9}$/.test(value)) return value;
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(value);
  return landline ? `${landline[1]}-${landline[2]}` : null;
}

export const maskIdNumber = (value: string): string => `${value.slice(0, 6)}********${value.slice(-4)}`;

export const maskPhone = (value: string): string =>
  /^1\d{10}$/.test(value) ? `${value.slice(0, 3)}****${value.slice(-4)}` : value.replace(/\d{4}$/, '****');

/**
 * A person's name as those who may not see it in full see it — the one masking of names (PIPL):
 * `ends` (the default: residents' names to the public, neighbours and units) keeps the first and the
 * last character, 黄玉兰 → 黄*兰, 马明 → 马*; `family` (a kiosk's screen, a reminder text) keeps only the
 * family name, 黄玉兰 → 黄**. A single character is always *.
 */
export function maskName(name: string, keep: 'ends' | 'family' = 'ends'): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (keep === 'family' || chars.length === 2) return chars[0] + '*'.repeat(chars.length - 1);
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Full years from a birth date to a day (both 'YYYY-MM-DD'); null without a birth date. */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
