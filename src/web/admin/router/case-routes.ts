import {
  AlarmClock,
  Calendar,
  ChatDotRound,
  Collection,
  EditPen,
  MagicStick,
  Memo,
  Tickets,
} from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 诉求管理. Department users (handler, receiver) hold cases:handle but not cases:read: they see the
// inbox and the detail of the cases sent to them, nothing else of this menu.
export const caseRoutes: RouteRecordRaw = {
  path: 'cases',
  name: 'cases',
  // Links from elsewhere (the dashboard's numbers) come to /cases with the inbox's filters.
  redirect: (to) => ({ name: 'case-inbox', query: to.query }),
  meta: { titleKey: 'cases.menu.group', icon: Tickets, permission: 'cases:handle' },
  children: [
    {
      path: 'inbox',
      name: 'case-inbox',
      component: () => import('../views/cases/inbox/index.vue'),
      meta: { titleKey: 'cases.menu.inbox', icon: Memo, permission: 'cases:handle' },
    },
    {
      path: 'new',
      name: 'case-intake',
      component: () => import('../views/cases/intake/index.vue'),
      meta: { titleKey: 'cases.menu.intake', icon: EditPen, permission: 'cases:intake' },
    },
    {
      path: 'duty-roster',
      name: 'case-roster',
      component: () => import('../views/cases/roster/index.vue'),
      meta: { titleKey: 'cases.menu.roster', icon: Calendar, permission: 'cases:configure' },
    },
    {
      path: 'sms',
      name: 'case-sms',
      component: () => import('../views/cases/sms/index.vue'),
      meta: { titleKey: 'cases.menu.sms', icon: ChatDotRound, permission: 'cases:dispatch' },
    },
    {
      path: 'categories',
      name: 'case-categories',
      component: () => import('../views/cases/categories/index.vue'),
      meta: { titleKey: 'cases.menu.categories', icon: Collection, permission: 'cases:read' },
    },
    {
      // 智能派单: the county's models, history import, auto-routing and hit rate (county administrators).
      path: 'dispatch',
      name: 'case-dispatch',
      component: () => import('../views/dispatch/index.vue'),
      meta: { titleKey: 'dispatch.menu', icon: MagicStick, permission: 'cases:configure', countyWide: true },
    },
    {
      // 督办: late and escalated cases of the levels the user supervises.
      path: 'supervision',
      name: 'case-supervision',
      component: () => import('../views/cases/supervision/index.vue'),
      meta: { titleKey: 'cases.menu.supervision', icon: AlarmClock, permission: 'cases:dispatch' },
    },
    {
      path: ':id([0-9a-fA-F-]{36})',
      name: 'case-detail',
      component: () => import('../views/cases/detail/index.vue'),
      meta: { titleKey: 'cases.menu.detail', permission: 'cases:handle', hideInMenu: true, activeMenu: '/cases/inbox' },
    },
  ],
};
