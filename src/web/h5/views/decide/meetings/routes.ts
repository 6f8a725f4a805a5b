import type { RouteRecordRaw } from 'vue-router';

// 议事会议 (issue 17): this area's phone pages — my community's meetings, a meeting (agenda, 签到),
// and the page the meeting's QR code opens (/m/meeting-checkin/:token).
export const meetingsPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/meetings',
    name: 'meetings',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.meetings.listTitle' },
  },
  {
    path: '/meetings/:id',
    name: 'meeting',
    component: () => import('./detail.vue'),
    meta: { titleKey: 'decide.meetings.title' },
  },
  {
    path: '/meeting-checkin/:token',
    name: 'meeting-checkin',
    component: () => import('./checkin.vue'),
    meta: { titleKey: 'decide.meetings.signIn' },
  },
];
