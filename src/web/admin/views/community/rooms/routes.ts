import type { RouteRecordRaw } from 'vue-router';

// 功能室预约 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const roomsAdminRoutes: RouteRecordRaw[] = [];
