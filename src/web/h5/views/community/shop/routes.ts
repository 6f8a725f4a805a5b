import type { RouteRecordRaw } from 'vue-router';

// 积分 · 积分超市 (issue 16): this area's phone pages.
export const shopPhoneRoutes: RouteRecordRaw[] = [];
