import { describe, expect, it } from 'vitest';
import { demoDutyItems } from './duties.js';

describe('demo duty lists', () => {
  it('have the 兴庆 shape', () => {
    const items = demoDutyItems();
    const self = items.filter((i) => i.kind === 'self_governance');
    expect(new Set(self.map((i) => i.className)).size).toBe(4);
    expect(new Set(self.map((i) => i.itemName)).size).toBe(13);
    expect(self).toHaveLength(32);
    const admitted = items.filter((i) => i.kind === 'admitted');
    expect(new Set(admitted.map((i) => i.className)).size).toBe(4);
    expect(admitted).toHaveLength(17);
    expect(items.filter((i) => i.kind === 'cancelled')).toHaveLength(46);
    expect(new Set(items.map((i) => i.ref)).size).toBe(items.length);
  });
});
