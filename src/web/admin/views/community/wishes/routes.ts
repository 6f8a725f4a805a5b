import { DataLine, Flag, Present } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 微心愿 · 微行动 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const wishesAdminRoutes: RouteRecordRaw[] = [
  {
    // 心愿审核 and 心愿墙: wishes by state, reviewed here.
    path: 'wishes',
    name: 'community-wishes',
    component: () => import('./wishes/index.vue'),
    meta: { titleKey: 'community.wishes.menu.wishes', icon: Present, permission: 'community:read' },
  },
  {
    path: 'micro-actions',
    name: 'community-micro-actions',
    component: () => import('./actions/index.vue'),
    meta: { titleKey: 'community.wishes.menu.actions', icon: Flag, permission: 'community:read' },
  },
  {
    path: 'wish-numbers',
    name: 'community-wish-numbers',
    component: () => import('./numbers/index.vue'),
    meta: { titleKey: 'community.wishes.menu.numbers', icon: DataLine, permission: 'community:read' },
  },
];
