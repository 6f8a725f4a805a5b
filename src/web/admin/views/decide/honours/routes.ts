import { Medal } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 文明户评选 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const honoursAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'honours',
    name: 'decide-honours',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.honours.menu.campaigns', icon: Medal, permission: 'honours:manage' },
  },
  {
    path: 'honours/:id([0-9a-fA-F-]{36})',
    name: 'decide-honour',
    component: () => import('./detail.vue'),
    meta: {
      titleKey: 'decide.honours.menu.campaigns',
      permission: 'honours:manage',
      hideInMenu: true,
      activeMenu: '/decide/honours',
    },
  },
];
