import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.js';

describe('pickLocale', () => {
  it('defaults to Chinese', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('fr-FR')).toBe('zh-CN');
  });
  it('follows the q-weights', () => {
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('zh-CN;q=0.5, en;q=0.8')).toBe('en');
    expect(pickLocale('en;q=0.2, zh-TW')).toBe('zh-CN');
  });
});
