import type { RouteRecordRaw } from 'vue-router';

// 社区食堂 · 助餐点 (issue 16): this area's phone pages.
export const canteenPhoneRoutes: RouteRecordRaw[] = [];
