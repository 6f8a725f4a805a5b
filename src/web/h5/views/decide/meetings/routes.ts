import type { RouteRecordRaw } from 'vue-router';

// 议事会议 (issue 17): this area's phone pages.
export const meetingsPhoneRoutes: RouteRecordRaw[] = [];
