import { DataAnalysis } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 居民议事数据 (issue 17): the areas' yearly counts side by side, in the console's 居民议事 menu.
export const numbersAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'numbers',
    name: 'decide-numbers',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.numbers.menu', icon: DataAnalysis, permission: 'community:read' },
  },
];
