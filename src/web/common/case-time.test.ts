import { describe, expect, it } from 'vitest';
import { formatSpan, remainingText, slaTone } from './case-time';

// A stand-in for vue-i18n's t() with the Chinese messages of locales/cases.zh-CN.ts.
const messages: Record<string, string> = {
  'caseTime.left': '剩 {time}',
  'caseTime.over': '超时 {time}',
  'caseTime.dh': '{d}天{h}小时',
  'caseTime.hm': '{h}小时{m}分',
  'caseTime.m': '{m}分钟',
};
const t = (key: string, params: Record<string, unknown> = {}) =>
  messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const now = Date.parse('2026-11-30T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('deadlines as people read them', () => {
  it('says the time left in the largest units that matter', () => {
    expect(remainingText(at(45), now, t)).toBe('剩 45分钟');
    expect(remainingText(at(135), now, t)).toBe('剩 2小时15分');
    expect(remainingText(at(3 * 1440 + 120), now, t)).toBe('剩 3天2小时');
    expect(formatSpan(10_000, t)).toBe('1分钟');
  });

  it('says how late a passed deadline is, and has nothing to say without one', () => {
    expect(remainingText(at(-40), now, t)).toBe('超时 40分钟');
    expect(remainingText(at(-61), now, t)).toBe('超时 1小时1分');
    expect(remainingText(null, now, t)).toBe('');
  });

  it('turns red as soon as the deadline passes on screen, before the server marks it', () => {
    expect(slaTone(at(30), 'ok', now)).toBe('ok');
    expect(slaTone(at(5), 'yellow', now)).toBe('yellow');
    expect(slaTone(at(-1), 'ok', now)).toBe('red');
    expect(slaTone(null, 'red', now)).toBe('red');
  });
});
