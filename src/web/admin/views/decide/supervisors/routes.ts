import type { RouteRecordRaw } from 'vue-router';

// 百姓监督员 (issue 17): this area's pages in the console's 居民议事 menu (children of /decide).
export const supervisorsAdminRoutes: RouteRecordRaw[] = [];
