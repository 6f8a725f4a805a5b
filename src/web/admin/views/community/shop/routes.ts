import { Coin, List, Medal, ShoppingCart } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 积分 · 积分超市 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const shopAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'points-shop',
    name: 'community-points-shop',
    component: () => import('./goods.vue'),
    meta: { titleKey: 'community.shop.menu.shop', icon: ShoppingCart, permission: 'community:read' },
  },
  {
    path: 'points-ledger',
    name: 'community-points-ledger',
    component: () => import('./ledger.vue'),
    meta: { titleKey: 'community.shop.menu.ledger', icon: List, permission: 'community:read' },
  },
  {
    path: 'points-ranking',
    name: 'community-points-ranking',
    component: () => import('./ranking.vue'),
    meta: { titleKey: 'community.shop.menu.ranking', icon: Medal, permission: 'community:read' },
  },
  {
    path: 'points-rules',
    name: 'community-points-rules',
    component: () => import('./rules.vue'),
    meta: { titleKey: 'community.shop.menu.rules', icon: Coin, permission: 'community:read' },
  },
];
