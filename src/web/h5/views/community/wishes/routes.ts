import type { RouteRecordRaw } from 'vue-router';

// 微心愿 · 微行动 (issue 16): this area's phone pages.
export const wishesPhoneRoutes: RouteRecordRaw[] = [];
