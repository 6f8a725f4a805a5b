import type { RouteRecordRaw } from 'vue-router';

// 功能室预约 (issue 16): this area's phone pages.
export const roomsPhoneRoutes: RouteRecordRaw[] = [];
