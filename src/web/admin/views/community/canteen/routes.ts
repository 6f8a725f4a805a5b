import type { RouteRecordRaw } from 'vue-router';

// 社区食堂 · 助餐点 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const canteenAdminRoutes: RouteRecordRaw[] = [];
