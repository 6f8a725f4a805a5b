import type { RouteRecordRaw } from 'vue-router';

// 志愿服务 · 双报到认岗 (issue 16): this area's phone pages. Anyone logged in joins in; the unit's
// members page is the liaison's (units:liaise).
export const volunteersPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/activities',
    name: 'activities',
    component: () => import('./activities.vue'),
    meta: { titleKey: 'community.volunteers.list.title' },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('./activity.vue'),
    meta: { titleKey: 'community.volunteers.detail.title' },
  },
  {
    path: '/activity-checkin/:token',
    name: 'activity-checkin',
    component: () => import('./checkin.vue'),
    meta: { titleKey: 'community.volunteers.checkin.title' },
  },
  {
    path: '/volunteer-hours',
    name: 'volunteer-hours',
    component: () => import('./hours.vue'),
    meta: { titleKey: 'community.volunteers.hours.title' },
  },
  {
    path: '/posts',
    name: 'posts',
    component: () => import('./posts.vue'),
    meta: { titleKey: 'community.volunteers.posts.title' },
  },
  {
    path: '/unit-members',
    name: 'unit-members',
    component: () => import('./unit-members.vue'),
    meta: { titleKey: 'community.volunteers.unit.title', permission: 'units:liaise' },
  },
];
