import { describe, expect, it } from 'vitest';
import { cutText, firstGrapheme, summarize, textLength, textProblem } from './text.js';

const family = '👨‍👩‍👧‍👦'; // seven code points, one grapheme
const wellFormed = (s: string) => !/\p{Cs}/u.test(s);

describe('text as people count it', () => {
  it('counts an emoji or a rare name character as one', () => {
    expect(textLength('路灯😀𠀋')).toBe(4);
    expect('路灯😀𠀋'.length).toBe(6);
    expect(textLength(family)).toBe(7);
    expect(textLength('')).toBe(0);
    expect(textLength('一\r\n二\n三\r')).toBe(6);
  });

  it('never cuts a character in half, wherever the cut falls', () => {
    const text = `ab😀c𠀋${family}é́ 🇨🇳x`;
    for (let max = 0; max <= textLength(text) + 1; max++) {
      const cut = cutText(text, max);
      expect(wellFormed(cut), `max ${max}`).toBe(true);
      expect(textLength(cut)).toBeLessThanOrEqual(max);
      expect(text.startsWith(cut)).toBe(true);
    }
  });

  it('keeps a grapheme whole or leaves it out whole', () => {
    expect(cutText(`ab${family}c`, 5)).toBe('ab');
    expect(cutText(`ab${family}c`, 9)).toBe(`ab${family}`);
    expect(cutText('ae\u0301b', 2)).toBe('a'); // é written as e + combining accent
    expect(cutText('🇨🇳🇨🇳', 3)).toBe('🇨🇳');
    expect(cutText('短', 30)).toBe('短');
  });

  it('falls back to whole code points when one grapheme is longer than the budget', () => {
    expect(cutText(family, 3)).toBe('👨‍👩');
  });

  it('summarizes with an ellipsis only when something was left out', () => {
    expect(summarize('路灯坏了😀', 5)).toBe('路灯坏了😀');
    expect(summarize('路灯坏了😀很久', 5)).toBe('路灯坏了😀…');
    expect(summarize('路灯坏了很久😀', 6)).toBe('路灯坏了很久…');
  });

  it('takes the first grapheme for an initial', () => {
    expect(firstGrapheme('张三')).toBe('张');
    expect(firstGrapheme('👍🏽好')).toBe('👍🏽');
    expect(firstGrapheme('𠀋丽')).toBe('𠀋');
    expect(firstGrapheme('')).toBe('');
  });

  it('names what cannot be stored: half an emoji, control characters, line breaks in a one-line field', () => {
    expect(textProblem('路灯\ud83d', { multiline: true })).toBe('brokenCharacter');
    expect(textProblem('\ude00路灯', { multiline: false })).toBe('brokenCharacter');
    expect(textProblem('路灯😀𠀋', { multiline: false })).toBeNull();
    for (const c of ['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u001f', '\ufffe', '\uffff']) {
      expect(textProblem(`a${c}b`, { multiline: true }), JSON.stringify(c)).toBe('controlCharacter');
    }
    expect(textProblem('a\tb', { multiline: false })).toBeNull();
    expect(textProblem('a\nb', { multiline: false })).toBe('lineBreak');
    expect(textProblem('a\r\nb', { multiline: true })).toBeNull();
    expect(textProblem('\u200f\u202eשלום\u2066x\u2069\u200d', { multiline: false })).toBeNull();
  });
});
