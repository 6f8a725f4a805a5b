import type { RouteRecordRaw } from 'vue-router';

// 百姓监督员 (issue 17): this area's phone pages.
export const supervisorsPhoneRoutes: RouteRecordRaw[] = [];
