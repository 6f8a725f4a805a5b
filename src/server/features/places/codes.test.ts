import { describe, expect, it } from 'vitest';
import { childCode, isValidCode, pathOf } from './codes.js';

describe('place codes', () => {
  it('follow the national division and grid code lengths', () => {
    expect(isValidCode('street', '610899001')).toBe(true);
    expect(isValidCode('community', '610899001001')).toBe(true);
    expect(isValidCode('grid', '610899001001003')).toBe(true);
    expect(isValidCode('grid', '61089900100103')).toBe(false);
    expect(isValidCode('household', '610899001001-12-1-302')).toBe(true);
    expect(isValidCode('household', '610899001001-12-1-30%')).toBe(false);
  });

  it('buildings hang off the community code so grid changes keep them', () => {
    expect(childCode({ kind: 'grid', code: '610899001001003' }, 'building', '12')).toBe('610899001001-12');
    expect(childCode({ kind: 'building', code: '610899001001-12' }, 'unit', '2')).toBe('610899001001-12-2');
    expect(pathOf('/61/', '6108')).toBe('/61/6108/');
  });
});
