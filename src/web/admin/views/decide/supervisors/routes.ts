import { View } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 百姓监督员 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const supervisorsAdminRoutes: RouteRecordRaw[] = [
  {
    // Projects: the call, candidates, election, supervisors, inspection logs and issues.
    path: 'supervisors',
    name: 'decide-supervisors',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.supervisors.menu', icon: View, permission: 'community:read' },
  },
];
