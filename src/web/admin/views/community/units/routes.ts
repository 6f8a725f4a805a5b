import { OfficeBuilding, School } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 共驻共建 · 一书四单 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const unitsAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'units',
    name: 'community-units',
    component: () => import('./index.vue'),
    meta: { titleKey: 'community.units.menu.units', icon: School, permission: 'community:read' },
  },
  {
    path: 'unit-services',
    name: 'community-unit-services',
    component: () => import('./services/index.vue'),
    meta: { titleKey: 'community.units.menu.services', icon: OfficeBuilding, permission: 'community:read' },
  },
];
