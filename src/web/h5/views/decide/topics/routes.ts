import type { RouteRecordRaw } from 'vue-router';

// 议题 (issue 17): this area's phone pages.
export const topicsPhoneRoutes: RouteRecordRaw[] = [];
