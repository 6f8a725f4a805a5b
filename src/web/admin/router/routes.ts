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
  { path: '/', component: BasicLayout, redirect: { name: 'dashboard' }, children: layoutChildren },
];
