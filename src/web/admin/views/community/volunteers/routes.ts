import { Clock, Flag, Calendar } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 志愿服务 · 双报到认岗 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const volunteersAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'activities',
    name: 'community-activities',
    component: () => import('./activities/index.vue'),
    meta: { titleKey: 'community.volunteers.menu.activities', icon: Calendar, permission: 'community:read' },
  },
  {
    path: 'posts',
    name: 'community-posts',
    component: () => import('./posts/index.vue'),
    meta: { titleKey: 'community.volunteers.menu.posts', icon: Flag, permission: 'community:read' },
  },
  {
    path: 'volunteer-hours',
    name: 'community-volunteer-hours',
    component: () => import('./hours/index.vue'),
    meta: { titleKey: 'community.volunteers.menu.hours', icon: Clock, permission: 'community:read' },
  },
];
