import { createRouter, createWebHistory } from 'vue-router';
import { ensureSession, hasPermission, session } from '../../common/session';
import type { Permission } from '../../../shared/roles';
import { startVisitSync } from '../offline/visit-queue';
import { i18n } from '../i18n';
import TabLayout from '../layouts/TabLayout.vue';

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: string;
    public?: boolean;
    /** the page needs this permission; without it the user goes home */
    permission?: Permission;
  }
}

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('../views/login/index.vue'), meta: { public: true, titleKey: 'login.title' } },
    {
      path: '/',
      component: TabLayout,
      children: [
        { path: '', name: 'home', component: () => import('../views/home/index.vue'), meta: { titleKey: 'tab.home' } },
        { path: 'mine', name: 'mine', component: () => import('../views/mine/index.vue'), meta: { titleKey: 'tab.mine' } },
      ],
    },
    { path: '/grid', name: 'my-grid', component: () => import('../views/grid/index.vue'), meta: { titleKey: 'grid.title', permission: 'places:read' } },
    { path: '/grid/building/:code', name: 'grid-building', component: () => import('../views/grid/building.vue'), meta: { titleKey: 'grid.building', permission: 'places:read' } },
    { path: '/grid/unit/:code', name: 'grid-unit', component: () => import('../views/grid/unit.vue'), meta: { titleKey: 'grid.unit', permission: 'places:read' } },
    { path: '/household/:code', name: 'household', component: () => import('../views/household/index.vue'), meta: { titleKey: 'household.title', permission: 'people:read' } },
    { path: '/resident/:id', name: 'resident', component: () => import('../views/resident/index.vue'), meta: { titleKey: 'resident.title', permission: 'people:read' } },
    { path: '/visits', name: 'visits', component: () => import('../views/visits/index.vue'), meta: { titleKey: 'visits.title', permission: 'visits:read' } },
    { path: '/visits/new', name: 'visit-write', component: () => import('../views/visits/write.vue'), meta: { titleKey: 'visits.writeTitle', permission: 'visits:write' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  let me = null;
  try {
    me = await ensureSession();
  } catch {
    me = null;
  }
  if (to.meta.public) return me && to.name === 'login' ? { name: 'home' } : true;
  if (!me) return { name: 'login' };
  if (to.meta.permission && !hasPermission(to.meta.permission)) return { name: 'home' };
  return true;
});

router.afterEach((to) => {
  // Visit logs written offline go out as soon as someone is logged in (and again when the network returns).
  if (session.me) startVisitSync();
  const t = i18n.global.t;
  document.title = to.meta.titleKey ? `${t(to.meta.titleKey)} · ${t('common.appName')}` : t('common.appName');
});
