import type { RouteRecordRaw } from 'vue-router';

// 议事会议 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const meetingsAdminRoutes: RouteRecordRaw[] = [];
