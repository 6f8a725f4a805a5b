import { describe, expect, it } from 'vitest';
import { taskVerdict } from './verdict.js';

const list = { title: '城关街道社区权责清单' };
const items = [
  { ref: '准入-2-1', kind: 'admitted', item_name: '征兵政策宣传', keywords: ['征兵政策'] },
  { ref: '取消-24', kind: 'cancelled', item_name: '市容市貌罚款', keywords: ['市容市貌罚款'] },
];

describe('准入核验 (taskVerdict)', () => {
  it('accepts an admitted item, by name or by its words', () => {
    expect(taskVerdict(list, items, { title: '请社区协助', description: '', itemRef: '准入-2-1' })).toMatchObject({
      status: 'accepted',
      ref: '准入-2-1',
    });
    expect(taskVerdict(list, items, { title: '征兵政策宣传进楼院', description: '' })).toMatchObject({
      status: 'accepted',
      ref: '准入-2-1',
    });
  });
  it('refuses a cancelled item even when an admitted one is not named, citing the list', () => {
    const v = taskVerdict(list, items, { title: '请社区开展市容市貌罚款', description: '' });
    expect(v).toEqual({
      status: 'refused',
      ref: '取消-24',
      reason: '属于取消事项（城关街道社区权责清单 取消-24：市容市貌罚款），社区不再承担',
    });
  });
  it('refuses what is not on the list, and everything when the street has no list', () => {
    expect(taskVerdict(list, items, { title: '招商引资任务', description: '' })).toMatchObject({
      status: 'refused',
      ref: null,
      reason: '不在准入事项清单内（城关街道社区权责清单），请按程序申请准入',
    });
    expect(taskVerdict(undefined, [], { title: '征兵政策宣传', description: '' })).toMatchObject({
      status: 'refused',
      reason: '本街道尚未发布权责清单',
    });
  });
});
