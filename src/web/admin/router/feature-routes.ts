import {
  Bell,
  Calendar,
  Clock,
  House,
  Microphone,
  ChatLineSquare,
  DocumentChecked,
  Files as Scale,
  List,
  PriceTag,
  Tickets,
  Memo,
  Collection,
} from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// 吹哨报到: the whistlers (streets, communities) and the summoned departments' receivers share the
// pages; the server decides what each may see and do.
export const whistleRoutes: RouteRecordRaw[] = [
  {
    path: 'whistles',
    name: 'whistles',
    component: () => import('../views/whistle/list/index.vue'),
    meta: { titleKey: 'whistle.menu', icon: Bell, permission: ['whistle:blow', 'whistle:answer'] },
  },
  {
    path: 'whistles/:id([0-9a-fA-F-]{36})',
    name: 'whistle-detail',
    component: () => import('../views/whistle/detail/index.vue'),
    meta: {
      titleKey: 'whistle.detailTitle',
      permission: ['whistle:blow', 'whistle:answer'],
      hideInMenu: true,
      activeMenu: '/whistles',
    },
  },
];

// 纠纷台账: the detail opens in a drawer on the same page (?id=).
export const disputeRoutes: RouteRecordRaw[] = [
  {
    path: 'disputes',
    name: 'disputes',
    component: () => import('../views/disputes/ledger/index.vue'),
    meta: { titleKey: 'disputes.menu', icon: Scale, permission: 'disputes:read' },
  },
];

// 权责清单: read-only for most; import for duties:write. 部门派单 beside it.
export const dutyRoutes: RouteRecordRaw[] = [
  {
    path: 'duty-lists',
    name: 'duty-lists',
    component: () => import('../views/duties/lists/index.vue'),
    meta: { titleKey: 'duties.menu', icon: List, permission: 'duties:read' },
  },
  {
    // 部门派单: departments hand tasks to communities (duties:assign); places see what they received.
    path: 'duty-tasks',
    name: 'duty-tasks',
    component: () => import('../views/duties/tasks/index.vue'),
    meta: { titleKey: 'duties.tasks.menu', icon: DocumentChecked, permission: 'duties:read' },
  },
];

// 小律服务: the legal advisers' queue.
export const legalRoutes: RouteRecordRaw[] = [
  {
    path: 'legal-questions',
    name: 'legal-questions',
    component: () => import('../views/legal/queue/index.vue'),
    meta: { titleKey: 'legal.menu', icon: ChatLineSquare, permission: 'legal:answer' },
  },
];

// 节假日与工作时间: in the menu of administrators (the API lets all staff read it; county administrators edit).
export const calendarRoutes: RouteRecordRaw[] = [
  {
    path: 'calendar',
    name: 'calendar',
    component: () => import('../views/calendar/index.vue'),
    meta: { titleKey: 'calendar.menu', icon: Calendar, permission: 'calendar:write' },
  },
];

// 标签与类别: the county's resident tags and organisation kinds, kept by administrators.
export const listRoutes: RouteRecordRaw[] = [
  {
    path: 'settings/lists',
    name: 'county-lists',
    component: () => import('../views/settings/lists/index.vue'),
    meta: { titleKey: 'lists.menu', icon: PriceTag, permission: 'lists:configure' },
  },
];

// 一站式大厅 (issue 15): the hall's windows and kiosks, the clerk's 叫号, the day's appointments.
export const hallRoutes: RouteRecordRaw = {
  path: 'hall',
  name: 'hall',
  redirect: { name: 'hall-calling' },
  meta: { titleKey: 'hall.menu.group', icon: House, permission: 'services:window' },
  children: [
    {
      path: 'calling',
      name: 'hall-calling',
      component: () => import('../views/hall/calling/index.vue'),
      meta: { titleKey: 'hall.menu.calling', icon: Microphone, permission: 'services:window' },
    },
    {
      path: 'appointments',
      name: 'hall-appointments',
      component: () => import('../views/hall/appointments/index.vue'),
      meta: { titleKey: 'hall.menu.appointments', icon: Clock, permission: 'services:window' },
    },
    {
      path: 'setup',
      name: 'hall-setup',
      component: () => import('../views/hall/setup/index.vue'),
      meta: { titleKey: 'hall.menu.setup', icon: House, permission: 'services:window' },
    },
  ],
};
// 服务事项 (issue 15): the county's catalogue and its 一件事 bundles, pages under /services/ beside
// 便民服务's in a group of their own (configuring the catalogue is not serving applications); read by
// whoever serves or reviews applications, edited by county administrators (the server decides).
const servicePermissions: RouteRecordRaw['meta'] = {
  permission: ['services:configure', 'services:window', 'services:review'],
};
export const serviceCatalogueRoutes: RouteRecordRaw[] = [
  {
    path: 'service-catalogue',
    name: 'service-catalogue-group',
    redirect: { name: 'service-catalogue' },
    meta: { titleKey: 'serviceCatalogue.menu', icon: Tickets, ...servicePermissions },
    children: [
      {
        path: '/services/catalogue',
        name: 'service-catalogue',
        component: () => import('../views/services/catalogue/index.vue'),
        meta: { titleKey: 'serviceCatalogue.catalogue.menu', icon: Memo, ...servicePermissions },
      },
      {
        path: '/services/bundles',
        name: 'service-bundles',
        component: () => import('../views/services/bundles/index.vue'),
        meta: { titleKey: 'serviceCatalogue.bundles.menu', icon: Collection, ...servicePermissions },
      },
    ],
  },
];
