import type { RouteRecordRaw } from 'vue-router';

// 五公开 (issue 17): this area's phone pages — the resident's notices for their place (login), the
// community's public notices and its notice-board screen (no login; /m/c/<community code>/…).
export const noticesPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/notices',
    name: 'notices',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.notices.title' },
  },
  {
    path: '/notices/:id',
    name: 'notice',
    component: () => import('./detail.vue'),
    meta: { titleKey: 'decide.notices.title' },
  },
  {
    path: '/c/:code/notices',
    name: 'public-notices',
    component: () => import('./public-list.vue'),
    meta: { titleKey: 'decide.notices.publicTitle', public: true },
  },
  {
    path: '/c/:code/notices/:id',
    name: 'public-notice',
    component: () => import('./public-detail.vue'),
    meta: { titleKey: 'decide.notices.publicTitle', public: true },
  },
  {
    path: '/c/:code/board',
    name: 'notice-board',
    component: () => import('./board.vue'),
    meta: { titleKey: 'decide.notices.boardTitle', public: true },
  },
];
