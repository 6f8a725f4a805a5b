import { Finished } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 表决 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const votesAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'votes',
    name: 'decide-votes',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.votes.menu', icon: Finished, permission: 'deliberation:manage' },
  },
  {
    path: 'votes/:id',
    name: 'decide-vote',
    component: () => import('./detail.vue'),
    meta: {
      titleKey: 'decide.votes.menu',
      permission: 'deliberation:manage',
      hideInMenu: true,
      activeMenu: '/decide/votes',
    },
  },
];
