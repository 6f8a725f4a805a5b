import type { RouteRecordRaw } from 'vue-router';

// 志愿服务 · 双报到认岗 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const volunteersAdminRoutes: RouteRecordRaw[] = [];
