import { Checked, Notification } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 五公开 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
const staff = ['notices:write', 'notices:approve'] as const;
export const noticesAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'notices',
    name: 'decide-notices',
    component: () => import('./list/index.vue'),
    meta: { titleKey: 'decide.notices.menu.list', icon: Notification, permission: [...staff] },
  },
  {
    // 审核发布: the same list, opened on the pending tab.
    path: 'notices/approval',
    name: 'decide-notices-approval',
    component: () => import('./list/index.vue'),
    props: { initialTab: 'pending' },
    meta: { titleKey: 'decide.notices.menu.approval', icon: Checked, permission: 'notices:approve' },
  },
  {
    path: 'notices/new',
    name: 'decide-notice-new',
    component: () => import('./editor/index.vue'),
    meta: {
      titleKey: 'decide.notices.new',
      permission: 'notices:write',
      hideInMenu: true,
      activeMenu: '/decide/notices',
    },
  },
  {
    path: 'notices/:id/edit',
    name: 'decide-notice-edit',
    component: () => import('./editor/index.vue'),
    meta: {
      titleKey: 'decide.notices.editTitle',
      permission: 'notices:write',
      hideInMenu: true,
      activeMenu: '/decide/notices',
    },
  },
  {
    path: 'notices/:id',
    name: 'decide-notice',
    component: () => import('./detail/index.vue'),
    meta: {
      titleKey: 'decide.notices.detail.title',
      permission: [...staff],
      hideInMenu: true,
      activeMenu: '/decide/notices',
    },
  },
];
