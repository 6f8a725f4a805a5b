import type { RouteRecordRaw } from 'vue-router';

// 社区公开页 (issue 17): this area's phone pages. /m/c/<community code> is open without login; its
// QR poster and the report form link here. /c/:code/notices and /c/:code/board are the notices area's.
export const publicPagePhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/c/:code',
    name: 'public-community',
    component: () => import('./index.vue'),
    meta: { public: true, titleKey: 'decide.publicPage.title' },
  },
];
