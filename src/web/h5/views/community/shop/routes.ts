import type { RouteRecordRaw } from 'vue-router';

// 积分 · 积分超市 · the resident's hub (issue 16): this area's phone pages (under /m). Anyone logged in.
export const shopPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/community',
    name: 'community-hub',
    component: () => import('./hub.vue'),
    meta: { titleKey: 'community.shop.hub.title' },
  },
  {
    path: '/points',
    name: 'my-points',
    component: () => import('./points.vue'),
    meta: { titleKey: 'community.shop.points.title' },
  },
  {
    path: '/shop',
    name: 'points-shop',
    component: () => import('./shop.vue'),
    meta: { titleKey: 'community.shop.shop.title' },
  },
  {
    path: '/report',
    name: 'community-report',
    component: () => import('./report.vue'),
    meta: { titleKey: 'community.shop.report.title' },
  },
];
