import { ChatLineSquare, Setting } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 议题 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const topicsAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'topics',
    name: 'decide-topics',
    component: () => import('./list/index.vue'),
    meta: {
      titleKey: 'decide.topics.menu.list',
      icon: ChatLineSquare,
      permission: ['community:read', 'deliberation:manage'],
    },
  },
  {
    path: 'topics/:id',
    name: 'decide-topic',
    component: () => import('./detail/index.vue'),
    meta: {
      titleKey: 'decide.topics.detail.title',
      permission: ['community:read', 'deliberation:manage'],
      hideInMenu: true,
      activeMenu: '/decide/topics',
    },
  },
  {
    path: 'topic-settings',
    name: 'decide-topic-settings',
    component: () => import('./settings/index.vue'),
    meta: { titleKey: 'decide.topics.menu.settings', icon: Setting, permission: 'deliberation:manage' },
  },
];
