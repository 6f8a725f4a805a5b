import type { RouteRecordRaw } from 'vue-router';

// 志愿服务 · 双报到认岗 (issue 16): this area's phone pages.
export const volunteersPhoneRoutes: RouteRecordRaw[] = [];
