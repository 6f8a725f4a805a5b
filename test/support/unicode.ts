import { Random } from '../../src/server/demo/random.js';
import { textLength } from '../../src/shared/text.js';

// Random text people could type or paste, from a seed: Chinese (common and CJK extension B), emoji
// alone and in sequences (skin tones, flags, ZWJ families, keycaps), letters with combining marks,
// Hebrew and Arabic, bidi and zero-width marks, ASCII with every punctuation sign, spaces, tabs and
// (where text may have lines) line breaks. Astral characters are put where the old code cut text
// (20, 30, 40 and 100 characters or UTF-16 units), so any cut by UTF-16 units splits one.

const cutPoints = new Set([19, 20, 29, 30, 39, 40, 99, 100]);
const sequences = ['👍🏽', '🇨🇳', '🇭🇰', '👨‍👩‍👧‍👦', '🧑🏻‍🦳', '1️⃣', '❤️', '🏳️‍🌈', '👩‍💻', '🙇‍♀️'];
const marks = [
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
];
const spaces = [' ', '\u3000', '\t', '\u00a0'];
const lineBreaks = ['\n', '\r\n', '\r'];
/** Refused everywhere: C0 controls but tab, LF and CR, and the XML non-characters U+FFFE and U+FFFF. */
export const refusedControls = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c)),
  '\ufffe',
  '\uffff',
];

const codePoints = (s: string) => Array.from(s).length;

export class TextFuzzer {
  constructor(readonly random: Random) {}

  private range = (from: number, to: number) => String.fromCodePoint(this.random.int(from, to));
  private astral = () => (this.random.next() < 0.5 ? this.range(0x1f300, 0x1f64f) : this.range(0x20000, 0x2a6d6));
  /** One code point that no trim removes: the first and last character of every text. */
  private solid = () =>
    this.random.pick([
      () => this.range(0x4e00, 0x9fa5),
      this.astral,
      () => this.range(0x21, 0x7e),
      () => this.range(0x5d0, 0x5ea),
      () => this.range(0x627, 0x64a),
    ])();

  private piece(multiline: boolean): string {
    const r = this.random;
    const kinds: (() => string)[] = [
      () => this.range(0x4e00, 0x9fa5),
      () => this.range(0x4e00, 0x9fa5),
      this.astral,
      () => r.pick(sequences),
      () =>
        r.pick('aeiouAEIOU'.split('')) + this.range(0x300, 0x36f) + (r.next() < 0.3 ? this.range(0x300, 0x36f) : ''),
      () => this.range(0x5d0, 0x5ea),
      () => this.range(0x627, 0x64a),
      () => r.pick(marks),
      () => this.range(0x21, 0x7e),
      () => r.pick(spaces),
      ...(multiline ? [() => r.pick(lineBreaks)] : []),
    ];
    return r.pick(kinds)();
  }

  /** Well-formed text of `length` characters (code points, a CRLF one) that a field of that kind must accept and keep as it is. */
  text(length: number, options: { multiline: boolean }): string {
    let out = '';
    let n = 0;
    while (n < length) {
      const left = length - n;
      const units = out.length;
      let piece: string;
      if (n === 0 || left === 1) piece = this.solid();
      else if (cutPoints.has(n) || cutPoints.has(units)) piece = this.astral();
      else {
        piece = this.piece(options.multiline);
        if (textLength(piece) >= left) piece = this.solid();
      }
      out += piece;
      // Counted as the server counts (a CRLF, or a CR then an LF, is one line break).
      n = textLength(out);
    }
    return out;
  }

  /** A length for an accepted text: often the field's maximum, else a short one. */
  length(min: number, max: number): number {
    return this.random.next() < 0.5 ? max : this.random.int(Math.max(min, 1), Math.max(Math.min(max, 45), min, 1));
  }

  /** The text with half an emoji (a lone surrogate) put between two of its characters. */
  withLoneSurrogate(text: string): string {
    const half = this.random.next() < 0.5 ? this.range(0xd800, 0xdbff) : this.range(0xdc00, 0xdfff);
    return this.insert(text, half);
  }

  /** The text with a character it may not hold inside it: NUL or another control, or a line break in a one-line field. */
  withControl(text: string, options: { multiline: boolean }): string {
    const pool = options.multiline ? refusedControls : [...refusedControls, '\n', '\r'];
    return this.insert(text, this.random.next() < 0.3 ? '\u0000' : this.random.pick(pool));
  }

  private insert(text: string, what: string): string {
    const chars = Array.from(codePoints(text) >= 2 ? text : `${this.solid()}${text}${this.solid()}`);
    const at = this.random.int(1, chars.length - 1);
    return [...chars.slice(0, at), what, ...chars.slice(at)].join('');
  }
}
