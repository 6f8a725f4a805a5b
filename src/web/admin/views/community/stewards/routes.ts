import { House } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 楼门管家 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const stewardsAdminRoutes: RouteRecordRaw[] = [
  {
    // By building: the steward, nominations, vote, appointment, retirement, evaluations, history; opinions; lists.
    path: 'stewards',
    name: 'community-stewards',
    component: () => import('./index.vue'),
    meta: { titleKey: 'community.stewards.menu', icon: House, permission: 'community:read' },
  },
];
