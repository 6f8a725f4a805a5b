import type { RouteRecordRaw } from 'vue-router';

// 表决 (issue 17): this area's phone pages.
export const votesPhoneRoutes: RouteRecordRaw[] = [];
