import type { RouteRecordRaw } from 'vue-router';
import BasicLayout from '../layouts/BasicLayout.vue';
import { layoutChildren } from './layout-routes';

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/login/index.vue'),
    meta: { titleKey: 'login.pageTitle', public: true },
  },
  {
    // 首次登录改密: the router sends a user here while an administrator's password stands.
    path: '/change-password',
    name: 'change-password',
    component: () => import('../views/password/index.vue'),
    meta: { titleKey: 'password.forced.title', public: true },
  },
  { path: '/', component: BasicLayout, redirect: { name: 'dashboard' }, children: layoutChildren },
];
