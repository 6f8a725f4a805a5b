import type { RouteRecordRaw } from 'vue-router';

// 功能室预约 (issue 16): this area's phone pages — the rooms of my community and my bookings, one room's
// free times and the booking form, and the check-in page the room's QR code opens.
export const roomsPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/rooms',
    name: 'rooms',
    component: () => import('./index.vue'),
    meta: { titleKey: 'community.rooms.title' },
  },
  {
    path: '/rooms/:id([0-9a-fA-F-]{36})',
    name: 'room-book',
    component: () => import('./book.vue'),
    meta: { titleKey: 'community.rooms.book.title' },
  },
  {
    path: '/room-checkin/:token([A-Za-z0-9_-]{20,64})',
    name: 'room-checkin',
    component: () => import('./checkin.vue'),
    meta: { titleKey: 'community.rooms.checkin.title' },
  },
];
