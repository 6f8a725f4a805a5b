import { describe, expect, it } from 'vitest';
import { depthOf, heightOf, isWithin, nextCategoryCode } from './codes.js';

const tree = [
  { code: 'E04', parent_code: null },
  { code: 'E0401', parent_code: 'E04' },
  { code: 'E0402', parent_code: 'E04' },
  { code: 'city_appearance', parent_code: null },
  { code: 'garbage', parent_code: 'city_appearance' },
  { code: 'E9901', parent_code: 'garbage' },
];
const codes = tree.map((r) => r.code);

describe('category codes', () => {
  it('extends a standard-like parent with the next free two digits', () => {
    expect(nextCategoryCode('event', 'E04', codes)).toBe('E0403');
  });
  it('gives a new top-level class the next number after the standard’s 01–06', () => {
    expect(nextCategoryCode('event', null, codes)).toBe('E07');
    expect(nextCategoryCode('component', null, ['C07'])).toBe('C08');
  });
  it('puts a sub-class of a demo-set class in the locally extended range', () => {
    expect(nextCategoryCode('event', 'garbage', codes)).toBe('E9902');
  });
  it('measures depth and height, and finds descendants', () => {
    expect(depthOf(tree, 'E9901')).toBe(3);
    expect(heightOf(tree, 'city_appearance')).toBe(3);
    expect(isWithin(tree, 'E9901', 'city_appearance')).toBe(true);
    expect(isWithin(tree, 'E0401', 'city_appearance')).toBe(false);
  });
});
