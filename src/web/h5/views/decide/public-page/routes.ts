import type { RouteRecordRaw } from 'vue-router';

// 社区公开页 (issue 17): this area's phone pages.
export const publicPagePhoneRoutes: RouteRecordRaw[] = [];
