import type { RouteRecordRaw } from 'vue-router';

// 共驻共建 · 一书四单 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const unitsAdminRoutes: RouteRecordRaw[] = [];
