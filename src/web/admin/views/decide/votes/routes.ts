import type { RouteRecordRaw } from 'vue-router';

// 表决 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const votesAdminRoutes: RouteRecordRaw[] = [];
