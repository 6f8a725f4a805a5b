import type { RouteRecordRaw } from 'vue-router';

// 文明户评选 (issue 17): this area's phone pages.
export const honoursPhoneRoutes: RouteRecordRaw[] = [];
