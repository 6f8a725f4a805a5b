import type { RouteRecordRaw } from 'vue-router';

// 微心愿 · 微行动 (issue 16): this area's phone pages.
export const wishesPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/wishes',
    name: 'wishes',
    component: () => import('./index.vue'),
    meta: { titleKey: 'community.wishes.title' },
  },
  {
    path: '/wishes/new',
    name: 'wish-new',
    component: () => import('./new.vue'),
    meta: { titleKey: 'community.wishes.newWish' },
  },
  {
    path: '/wishes/:id',
    name: 'wish',
    component: () => import('./detail.vue'),
    meta: { titleKey: 'community.wishes.title' },
  },
  {
    path: '/micro-actions',
    name: 'micro-actions',
    component: () => import('./actions.vue'),
    meta: { titleKey: 'community.wishes.actions.title' },
  },
];
