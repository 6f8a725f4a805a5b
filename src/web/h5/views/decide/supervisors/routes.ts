import type { RouteRecordRaw } from 'vue-router';

// 百姓监督员 (issue 17): this area's phone pages — the supervisor's projects (/m/supervisor) and a
// resident's view of the calls over where they live (/m/supervision).
export const supervisorsPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/supervisor',
    name: 'supervisor-home',
    component: () => import('./work.vue'),
    meta: { titleKey: 'decide.supervisors.home', permission: 'supervision:inspect' },
  },
  {
    path: '/supervision',
    name: 'supervision-call',
    component: () => import('./call.vue'),
    meta: { titleKey: 'decide.supervisors.residentTitle' },
  },
];
