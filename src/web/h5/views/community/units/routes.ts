import type { RouteRecordRaw } from 'vue-router';

// 共驻共建 · 一书四单 (issue 16): this area's phone pages.
export const unitsPhoneRoutes: RouteRecordRaw[] = [];
