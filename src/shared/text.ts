// Text as people count it, for the server and the web pages alike.
//
// JavaScript strings are UTF-16: `.length` and `.slice()` count code units, so an emoji or a rare
// name character (CJK extension B, 𠀋) counts twice and a cut can split it, leaving half a
// character that PostgreSQL refuses. Here a character is a code point, as a person (and JSON
// Schema's maxLength) counts it, and a cut falls between graphemes, so an emoji with its skin tone,
// a family joined by ZWJ or a letter with its accents is kept whole or left out whole.

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/**
 * The number of characters (code points): '😀' and '𠀋' count one each, and so does a line break
 * sent as CRLF (a browser's form sends every line break of a textarea that way).
 */
export function textLength(text: string): number {
  let n = 0;
  let previous = '';
  for (const c of text) {
    if (!(c === '\n' && previous === '\r')) n++;
    previous = c;
  }
  return n;
}

/** At most `max` characters, cut between graphemes (by code points where the browser cannot segment). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 units are never fewer than characters
  const byCodePoints = () => Array.from(text).slice(0, max).join('');
  if (!graphemes) return byCodePoints();
  let end = 0;
  let count = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    count += textLength(segment);
    if (count > max) break;
    end = index + segment.length;
  }
  // One grapheme longer than the whole budget: whole code points are still better than nothing.
  return end > 0 ? text.slice(0, end) : byCodePoints();
}

/** A short form for an SMS or a list: the first `max` characters (30 by default), with … when something was left out. */
export function summarize(text: string, max = 30): string {
  const cut = cutText(text, max);
  return cut === text ? text : `${cut}…`;
}

/** The first grapheme, e.g. for an avatar made of a name's first character. */
export function firstGrapheme(text: string): string {
  if (!graphemes) return Array.from(text)[0] ?? '';
  for (const { segment } of graphemes.segment(text)) return segment;
  return '';
}

export type TextProblem = 'brokenCharacter' | 'controlCharacter' | 'lineBreak';

// Half of a surrogate pair (with the u flag, a whole pair is one astral code point and never matches).
const loneSurrogate = /\p{Cs}/u;
// What PostgreSQL and XML 1.0 cannot hold: C0 controls but tab, LF and CR, and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const lineBreak = /[\n\r]/;

/**
 * Why a text cannot be stored as it is, or null: half an emoji (a lone surrogate), an invisible
 * control character (NUL, ESC, BEL …), or a line break in a field of one line. Tabs are allowed.
 */
export function textProblem(text: string, options: { multiline: boolean }): TextProblem | null {
  if (loneSurrogate.test(text)) return 'brokenCharacter';
  if (control.test(text)) return 'controlCharacter';
  if (!options.multiline && lineBreak.test(text)) return 'lineBreak';
  return null;
}

/** The text without what cannot be stored, for a name we record but cannot refuse (an uploaded file's name). */
export const storableText = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  text.replace(/\p{Cs}|[\u0000-\u0008\u000A-\u001F\uFFFE\uFFFF]/gu, '');
