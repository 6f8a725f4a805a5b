import type { RouteRecordRaw } from 'vue-router';

// 楼门管家 (issue 16): this area's phone pages.
export const stewardsPhoneRoutes: RouteRecordRaw[] = [];
