import { DataAnalysis } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 社区生活数据 (issue 16): the areas' yearly counts side by side, in the console's 邻里生活 menu.
export const numbersAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'numbers',
    name: 'community-numbers',
    component: () => import('./index.vue'),
    meta: { titleKey: 'community.numbers.menu', icon: DataAnalysis, permission: 'community:read' },
  },
];
