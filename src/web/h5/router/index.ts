import { createRouter, createWebHistory } from 'vue-router';
import { ensureSession, hasPermission, session } from '../../common/session';
import type { Permission } from '../../../shared/roles';
import { offerLargeFont } from '../composables/use-large-font';
import { startOfflineSync } from '../offline';
import { i18n } from '../i18n';
import TabLayout from '../layouts/TabLayout.vue';
// The field-work pages are in the main bundle, not loaded on demand: a grid worker who lost the
// signal in a stairwell can still go from a household to 写走访日记 and back to the diary.
import MyGrid from '../views/grid/index.vue';
import Home from '../views/home/index.vue';
import GridBuilding from '../views/grid/building.vue';
import GridUnit from '../views/grid/unit.vue';
import Household from '../views/household/index.vue';
import Resident from '../views/resident/index.vue';
import Visits from '../views/visits/index.vue';
import VisitWrite from '../views/visits/write.vue';
// 随手拍 too: a grid worker takes the photo where the signal is weak.
import Snap from '../views/cases/snap.vue';
import { communityPhoneRoutes } from './community-routes';
import { decidePhoneRoutes } from './decide-routes';

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: string;
    public?: boolean;
    /** the page needs this permission (a list: any one of them); without it the user goes home */
    permission?: Permission | Permission[];
  }
}

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('../views/login/index.vue'),
      meta: { public: true, titleKey: 'login.title' },
    },
    {
      // 首次登录改密: while an administrator's password stands, the only page there is.
      path: '/change-password',
      name: 'change-password',
      component: () => import('../views/password/index.vue'),
      meta: { public: true, titleKey: 'forcedPassword.title' },
    },
    {
      path: '/',
      component: TabLayout,
      children: [
        { path: '', name: 'home', component: Home, meta: { titleKey: 'tab.home' } },
        {
          path: 'mine',
          name: 'mine',
          component: () => import('../views/mine/index.vue'),
          meta: { titleKey: 'tab.mine' },
        },
      ],
    },
    { path: '/grid', name: 'my-grid', component: MyGrid, meta: { titleKey: 'grid.title', permission: 'places:read' } },
    {
      path: '/grid/building/:code',
      name: 'grid-building',
      component: GridBuilding,
      meta: { titleKey: 'grid.building', permission: 'places:read' },
    },
    {
      path: '/grid/unit/:code',
      name: 'grid-unit',
      component: GridUnit,
      meta: { titleKey: 'grid.unit', permission: 'places:read' },
    },
    {
      path: '/household/:code',
      name: 'household',
      component: Household,
      meta: { titleKey: 'household.title', permission: 'people:read' },
    },
    {
      path: '/resident/:id',
      name: 'resident',
      component: Resident,
      meta: { titleKey: 'resident.title', permission: 'people:read' },
    },
    {
      path: '/visits',
      name: 'visits',
      component: Visits,
      meta: { titleKey: 'visits.title', permission: 'visits:read' },
    },
    {
      path: '/visits/new',
      name: 'visit-write',
      component: VisitWrite,
      meta: { titleKey: 'visits.writeTitle', permission: 'visits:write' },
    },
    {
      path: '/snap',
      name: 'snap',
      component: Snap,
      meta: { titleKey: 'cases.snap.title', permission: 'cases:intake' },
    },
    {
      path: '/tasks',
      name: 'tasks',
      component: () => import('../views/cases/tasks.vue'),
      meta: { titleKey: 'cases.tasks.title', permission: 'cases:handle' },
    },
    {
      path: '/tasks/:id',
      name: 'task',
      component: () => import('../views/cases/task.vue'),
      meta: { titleKey: 'cases.task.title', permission: 'cases:handle' },
    },
    {
      path: '/whistles',
      name: 'whistles',
      component: () => import('../views/whistle/list.vue'),
      meta: { titleKey: 'whistle.title', permission: 'whistle:answer' },
    },
    {
      path: '/whistles/:id',
      name: 'whistle',
      component: () => import('../views/whistle/detail.vue'),
      meta: { titleKey: 'whistle.detailTitle', permission: 'whistle:answer' },
    },
    {
      path: '/disputes',
      name: 'disputes',
      component: () => import('../views/disputes/list.vue'),
      meta: { titleKey: 'disputes.title', permission: 'disputes:read' },
    },
    {
      path: '/disputes/:id',
      name: 'dispute',
      component: () => import('../views/disputes/detail.vue'),
      meta: { titleKey: 'disputes.detailTitle', permission: 'disputes:read' },
    },
    {
      path: '/legal',
      name: 'legal',
      component: () => import('../views/legal/index.vue'),
      meta: { titleKey: 'legal.title' },
    },
    {
      // 救助顾问: the people in hardship in the care of my teams, and a visit for one of them.
      path: '/assist',
      name: 'assist',
      component: () => import('../views/assist/index.vue'),
      meta: { titleKey: 'assist.title', permission: ['services:assist', 'cases:handle'] },
    },
    {
      path: '/assist/:id([0-9a-fA-F-]{36})/visit',
      name: 'assist-visit',
      component: () => import('../views/assist/visit.vue'),
      meta: { titleKey: 'assist.visitTitle', permission: ['services:assist', 'cases:handle'] },
    },
    {
      // 预约 and 取号 at a service hall (issue 15): a logged-in resident.
      path: '/hall',
      name: 'hall',
      component: () => import('../views/hall/index.vue'),
      meta: { titleKey: 'hall.title' },
    },
    {
      path: '/my-reports',
      name: 'my-reports',
      component: () => import('../views/cases/my-reports.vue'),
      meta: { titleKey: 'cases.myReports.title' },
    },
    // 办事服务 (issue 15): the catalogue and the item and bundle pages are open without login; applying and
    // 我的办件 need the resident's phone login. 预约 / 取号 are the hall's pages.
    {
      path: '/services',
      name: 'services',
      component: () => import('../views/services/catalogue.vue'),
      meta: { titleKey: 'services.title', public: true },
    },
    {
      path: '/services/items/:id',
      name: 'service-item',
      component: () => import('../views/services/item.vue'),
      meta: { titleKey: 'services.item.title', public: true },
    },
    {
      path: '/services/bundles/:id',
      name: 'service-bundle',
      component: () => import('../views/services/bundle.vue'),
      meta: { titleKey: 'services.bundle.title', public: true },
    },
    {
      path: '/services/apply',
      name: 'service-apply',
      component: () => import('../views/services/apply.vue'),
      meta: { titleKey: 'services.apply.title' },
    },
    {
      path: '/services/mine',
      name: 'service-applications',
      component: () => import('../views/services/mine.vue'),
      meta: { titleKey: 'services.mine.title' },
    },
    {
      path: '/services/applications/:id',
      name: 'service-application',
      component: () => import('../views/services/application.vue'),
      meta: { titleKey: 'services.detail.title' },
    },
    // 邻里生活 (issue 16): activities, wishes, points, rooms, stewards, units, canteens.
    ...communityPhoneRoutes,
    // 居民议事 (issue 17): topics, meetings, votes, supervisors, notices, honours and the public community page.
    ...decidePhoneRoutes,
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
  if (session.passwordChangeRequired) return to.name === 'change-password' ? true : { name: 'change-password' };
  if (to.name === 'change-password') return me ? { name: 'home' } : { name: 'login' };
  if (to.meta.public) return me && to.name === 'login' ? { name: 'home' } : true;
  // After the login the resident comes back to the page she was opening (an application form).
  if (!me) return { name: 'login', query: to.name === 'home' ? {} : { redirect: to.fullPath } };
  if (to.meta.permission && !hasPermission(to.meta.permission)) return { name: 'home' };
  return true;
});

router.afterEach((to) => {
  // Visit logs and 随手拍 reports written offline go out as soon as someone is logged in (and again when the network returns).
  if (session.me) startOfflineSync();
  // 关怀模式 for a resident of 60 or more, the first time (issue 18).
  if (session.me) offerLargeFont(session.me.elderly);
  const t = i18n.global.t;
  document.title = to.meta.titleKey ? `${t(to.meta.titleKey)} · ${t('common.appName')}` : t('common.appName');
});
