import type { RouteRecordRaw } from 'vue-router';

// 楼门管家 (issue 16): this area's phone pages — the steward's home (/m/steward) and a resident's
// 我的楼栋 (the steward, nominate, vote).
export const stewardsPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/steward',
    name: 'steward-home',
    component: () => import('./home.vue'),
    meta: { titleKey: 'community.stewards.home.title', permission: 'stewards:duty' },
  },
  {
    path: '/my-building',
    name: 'steward-building',
    component: () => import('./building.vue'),
    meta: { titleKey: 'community.stewards.building.title' },
  },
];
