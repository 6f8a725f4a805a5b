import type { RouteRecordRaw } from 'vue-router';
import { volunteersPhoneRoutes } from '../views/community/volunteers/routes';
import { wishesPhoneRoutes } from '../views/community/wishes/routes';
import { shopPhoneRoutes } from '../views/community/shop/routes';
import { roomsPhoneRoutes } from '../views/community/rooms/routes';
import { stewardsPhoneRoutes } from '../views/community/stewards/routes';
import { unitsPhoneRoutes } from '../views/community/units/routes';
import { canteenPhoneRoutes } from '../views/community/canteen/routes';

// 邻里生活 (issue 16): each area keeps its phone pages in views/community/<area>/routes.ts.
export const communityPhoneRoutes: RouteRecordRaw[] = [
  ...volunteersPhoneRoutes,
  ...wishesPhoneRoutes,
  ...shopPhoneRoutes,
  ...roomsPhoneRoutes,
  ...stewardsPhoneRoutes,
  ...unitsPhoneRoutes,
  ...canteenPhoneRoutes,
];
