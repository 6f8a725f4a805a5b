import type { RouteRecordRaw } from 'vue-router';

// 社区食堂 · 助餐点 (issue 16): this area's phone pages — the operator's desk and the residents' menu and orders.
export const canteenPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/canteen-desk',
    name: 'canteen-desk',
    component: () => import('./desk.vue'),
    meta: { titleKey: 'community.canteen.desk.title', permission: 'canteen:serve' },
  },
  {
    path: '/canteen',
    name: 'canteen',
    component: () => import('./menu.vue'),
    meta: { titleKey: 'community.canteen.menu.title' },
  },
];
