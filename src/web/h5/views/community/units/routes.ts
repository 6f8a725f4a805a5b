import type { RouteRecordRaw } from 'vue-router';

// 共驻共建 · 一书四单 (issue 16): this area's phone pages — the liaison's unit home and an entry.
export const unitsPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/unit',
    name: 'unit-home',
    component: () => import('./home.vue'),
    meta: { titleKey: 'community.units.home.title', permission: 'units:liaise' },
  },
  {
    path: '/unit/entries/:id',
    name: 'unit-entry',
    component: () => import('./entry.vue'),
    meta: { titleKey: 'community.units.item.title', permission: 'units:liaise' },
  },
];
