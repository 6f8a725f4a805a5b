import { ChatDotRound, Promotion } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 议事会议 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const meetingsAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'meetings',
    name: 'decide-meetings',
    component: () => import('./list/index.vue'),
    meta: { titleKey: 'decide.meetings.menu.meetings', icon: ChatDotRound, permission: 'community:read' },
  },
  {
    path: 'meetings/:id',
    name: 'decide-meeting',
    component: () => import('./detail/index.vue'),
    meta: {
      titleKey: 'decide.meetings.menu.meetings',
      permission: 'community:read',
      hideInMenu: true,
      activeMenu: '/decide/meetings',
    },
  },
  {
    // 上报街道的议题: what the communities of the street handed up.
    path: 'hand-ups',
    name: 'decide-hand-ups',
    component: () => import('./hand-ups/index.vue'),
    meta: { titleKey: 'decide.meetings.menu.handUps', icon: Promotion, permission: 'deliberation:manage' },
  },
];
