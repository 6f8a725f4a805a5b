import { DocumentAdd, Finished, Stamp, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 便民服务 (issue 15): the window's queue and 代办 (services:window), the review of parts by
// departments, communities and streets (services:review); the detail is shared, the server decides
// what each reads and may do.
export const serviceRoutes: RouteRecordRaw = {
  path: 'services',
  name: 'services',
  redirect: { name: 'service-queue' },
  meta: { titleKey: 'services.menu.group', icon: Stamp, permission: ['services:window', 'services:review'] },
  children: [
    {
      path: 'applications',
      name: 'service-queue',
      component: () => import('../views/services/queue/index.vue'),
      meta: { titleKey: 'services.menu.queue', icon: Tickets, permission: 'services:window' },
    },
    {
      path: 'review',
      name: 'service-review',
      component: () => import('../views/services/review/index.vue'),
      meta: { titleKey: 'services.menu.review', icon: Finished, permission: 'services:review' },
    },
    {
      path: 'entry',
      name: 'service-entry',
      component: () => import('../views/services/entry/index.vue'),
      meta: { titleKey: 'services.menu.entry', icon: DocumentAdd, permission: 'services:window' },
    },
    {
      path: 'applications/:id([0-9a-fA-F-]{36})',
      name: 'service-detail',
      component: () => import('../views/services/detail/index.vue'),
      meta: {
        titleKey: 'services.menu.detail',
        permission: ['services:window', 'services:review'],
        hideInMenu: true,
        activeMenu: '/services/applications',
      },
    },
  ],
};
