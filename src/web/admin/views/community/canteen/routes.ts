import { Bowl, Coin, DataLine } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 社区食堂 · 助餐点 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const canteenAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'canteens',
    name: 'community-canteens',
    component: () => import('./canteens/index.vue'),
    meta: { titleKey: 'community.canteen.menu.canteens', icon: Bowl, permission: 'community:read' },
  },
  {
    path: 'canteen-rules',
    name: 'community-canteen-rules',
    component: () => import('./rules/index.vue'),
    meta: { titleKey: 'community.canteen.menu.rules', icon: Coin, permission: 'community:read' },
  },
  {
    path: 'canteen-counts',
    name: 'community-canteen-counts',
    component: () => import('./counts/index.vue'),
    meta: { titleKey: 'community.canteen.menu.counts', icon: DataLine, permission: 'community:read' },
  },
];
