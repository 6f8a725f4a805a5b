import type { RouteRecordRaw } from 'vue-router';

// 五公开 (issue 17): this area's phone pages.
export const noticesPhoneRoutes: RouteRecordRaw[] = [];
