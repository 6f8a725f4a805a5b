import { createRouter, createWebHistory } from 'vue-router';
import { ensureSession } from '../../common/session';
import { i18n } from '../i18n';
import TabLayout from '../layouts/TabLayout.vue';

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: string;
    public?: boolean;
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
    { path: '/grid', name: 'my-grid', component: () => import('../views/grid/index.vue'), meta: { titleKey: 'grid.title' } },
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
  return me ? true : { name: 'login' };
});

router.afterEach((to) => {
  const t = i18n.global.t;
  document.title = to.meta.titleKey ? `${t(to.meta.titleKey)} · ${t('common.appName')}` : t('common.appName');
});
