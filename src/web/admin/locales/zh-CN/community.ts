import volunteers from './community/volunteers';
import wishes from './community/wishes';
import shop from './community/shop';
import rooms from './community/rooms';
import stewards from './community/stewards';
import units from './community/units';
import canteen from './community/canteen';
import numbers from './community/numbers';
import todo from './community/todo';

// 邻里生活 (issue 16): one object per area, each in its own file.
export default {
  menu: { group: '邻里生活' },
  volunteers,
  wishes,
  shop,
  rooms,
  stewards,
  units,
  canteen,
  numbers,
  todo,
};
