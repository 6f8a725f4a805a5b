import { describe, expect, it } from 'vitest';
import { tokenize } from '../../platform/search-text.js';
import { similarity, suggestCategory } from './text.js';

describe('case text', () => {
  it('segments Chinese into words without punctuation or filler', () => {
    expect(tokenize('小区门口的路灯坏了三天，晚上很黑！')).toEqual([
      '小区',
      '门口',
      '路灯',
      '坏',
      '三天',
      '晚上',
      '黑',
    ]);
  });

  it('scores the same problem in other words as similar, another problem as not', () => {
    const a = tokenize('3号楼门口路灯坏了，晚上很黑');
    const b = tokenize('三号楼门口的路灯不亮，晚上黑');
    const c = tokenize('楼上邻居家下水道堵塞，水漏到我家');
    expect(similarity(a, b)).toBeGreaterThan(0.3);
    expect(similarity(a, c)).toBeLessThan(0.1);
  });

  it('suggests the category whose keywords the text hits', () => {
    const categories = [
      { code: 'street_light', keywords: ['路灯', '灯'] },
      { code: 'drainage', keywords: ['下水道', '堵塞', '淹'] },
    ];
    expect(suggestCategory(tokenize('楼上下水道堵塞，我家被淹了'), '楼上下水道堵塞，我家被淹了', categories)).toBe(
      'drainage',
    );
    expect(suggestCategory(tokenize('有人乱扔东西'), '有人乱扔东西', categories)).toBeNull();
  });
});
