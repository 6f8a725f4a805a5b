import type { RouteRecordRaw } from 'vue-router';

// 文明户评选 (issue 17): this area's phone pages — a resident's campaigns, nominating, objecting
// during the notice, and a panel member's score sheets.
export const honoursPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/honours',
    name: 'honours',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.honours.title' },
  },
  {
    path: '/honours/:id([0-9a-fA-F-]{36})',
    name: 'honour',
    component: () => import('./detail.vue'),
    meta: { titleKey: 'decide.honours.title' },
  },
];
