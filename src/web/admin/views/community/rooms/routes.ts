import { Calendar, House, TrendCharts } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 功能室预约 (issue 16): this area's pages in the console's 邻里生活 menu (children of /community).
export const roomsAdminRoutes: RouteRecordRaw[] = [
  {
    // 功能室: rooms, opening hours, the check-in QR, each community's targets.
    path: 'rooms',
    name: 'community-rooms',
    component: () => import('./rooms/index.vue'),
    meta: { titleKey: 'community.rooms.menu.rooms', icon: House, permission: 'community:read' },
  },
  {
    // 预约: a day's bookings, check-in, completion with the attended count.
    path: 'room-bookings',
    name: 'community-room-bookings',
    component: () => import('./bookings/index.vue'),
    meta: { titleKey: 'community.rooms.menu.bookings', icon: Calendar, permission: 'community:read' },
  },
  {
    // 使用率: per room against the targets, and the Excel sheet.
    path: 'room-usage',
    name: 'community-room-usage',
    component: () => import('./usage/index.vue'),
    meta: { titleKey: 'community.rooms.menu.usage', icon: TrendCharts, permission: 'community:read' },
  },
];
