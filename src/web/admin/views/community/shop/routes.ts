import type { RouteRecordRaw } from 'vue-router';

// 积分 · 积分超市 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const shopAdminRoutes: RouteRecordRaw[] = [];
