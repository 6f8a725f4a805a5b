import { HomeFilled } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { volunteersAdminRoutes } from '../views/community/volunteers/routes';
import { wishesAdminRoutes } from '../views/community/wishes/routes';
import { shopAdminRoutes } from '../views/community/shop/routes';
import { roomsAdminRoutes } from '../views/community/rooms/routes';
import { stewardsAdminRoutes } from '../views/community/stewards/routes';
import { unitsAdminRoutes } from '../views/community/units/routes';
import { canteenAdminRoutes } from '../views/community/canteen/routes';
import { numbersAdminRoutes } from '../views/community/numbers/routes';

// 邻里生活 (issue 16): volunteers and posts, wishes and actions, points, rooms, stewards, co-building
// units and canteens; each area keeps its pages in views/community/<area>/routes.ts.
export const communityRoutes: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: {
    titleKey: 'community.menu.group',
    icon: HomeFilled,
    permission: ['community:read', 'units:liaise', 'canteen:serve'],
  },
  children: [
    ...volunteersAdminRoutes,
    ...wishesAdminRoutes,
    ...shopAdminRoutes,
    ...roomsAdminRoutes,
    ...stewardsAdminRoutes,
    ...unitsAdminRoutes,
    ...canteenAdminRoutes,
    ...numbersAdminRoutes,
  ],
};
