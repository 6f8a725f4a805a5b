// The pages inside the console's layout; the side menu is built from the same records (meta: title, icon,
// permission), so this file imports no layout component and the menu can read it without a cycle.
import {
  Avatar,
  DataAnalysis,
  Flag,
  House,
  Key,
  Location,
  MapLocation,
  Notebook,
  OfficeBuilding,
  School,
  Service,
  Share,
  Stamp,
  Upload,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '../../../shared/roles';
import { caseRoutes } from './case-routes';
import { serviceRoutes } from './service-routes';
import { communityRoutes } from './community-routes';
import { decideRoutes } from './decide-routes';
import {
  calendarRoutes,
  disputeRoutes,
  dutyRoutes,
  hallRoutes,
  legalRoutes,
  listRoutes,
  serviceCatalogueRoutes,
  whistleRoutes,
} from './feature-routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page and menu title */
    titleKey?: string;
    icon?: Component;
    /** the page (and its menu entry) needs this permission (a list: any one of them) */
    permission?: Permission | Permission[];
    hideInMenu?: boolean;
    /** only for users whose place is a whole county (the server refuses the rest: 智能派单) */
    countyWide?: boolean;
    /** menu entry to highlight for a page that has none of its own */
    activeMenu?: string;
    /** reachable without logging in */
    public?: boolean;
  }
}

export const layoutChildren: RouteRecordRaw[] = [
  {
    // 数据看板; without cases:read the guard sends /dashboard to the workbench instead.
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('../views/dashboard/stats/index.vue'),
    meta: { titleKey: 'stats.title', icon: DataAnalysis, permission: 'cases:read' },
  },
  {
    path: 'workbench',
    name: 'workbench',
    component: () => import('../views/dashboard/workbench/index.vue'),
    meta: { titleKey: 'menu.dashboard', icon: House },
  },
  {
    path: 'places',
    name: 'places',
    redirect: { name: 'place-tree' },
    meta: { titleKey: 'menu.places', icon: Location, permission: 'places:read' },
    children: [
      {
        path: 'tree',
        name: 'place-tree',
        component: () => import('../views/places/tree/index.vue'),
        meta: { titleKey: 'menu.placeTree', icon: Share, permission: 'places:read' },
      },
      {
        path: '/grids/map',
        name: 'grid-map',
        component: () => import('../views/grids/map/index.vue'),
        meta: { titleKey: 'menu.gridMap', icon: MapLocation, permission: 'places:read' },
      },
      {
        path: '/households',
        name: 'households',
        component: () => import('../views/grids/households/index.vue'),
        meta: { titleKey: 'menu.households', icon: User, permission: 'households:read' },
      },
      {
        path: '/grids/:code/households',
        name: 'grid-households',
        component: () => import('../views/grids/households/index.vue'),
        meta: {
          titleKey: 'menu.households',
          permission: 'households:read',
          hideInMenu: true,
          activeMenu: '/households',
        },
      },
    ],
  },
  {
    path: 'people',
    name: 'people',
    redirect: { name: 'residents' },
    meta: { titleKey: 'menu.people', icon: UserFilled, permission: 'people:read' },
    children: [
      {
        path: 'residents',
        name: 'residents',
        component: () => import('../views/people/residents/index.vue'),
        meta: { titleKey: 'menu.residents', icon: User, permission: 'people:read' },
      },
      {
        path: 'import',
        name: 'resident-import',
        component: () => import('../views/people/import/index.vue'),
        meta: { titleKey: 'menu.residentImport', icon: Upload, permission: 'people:import' },
      },
      {
        path: 'party-orgs',
        name: 'party-orgs',
        component: () => import('../views/people/party-orgs/index.vue'),
        meta: { titleKey: 'menu.partyOrgs', icon: Flag, permission: 'orgs:read' },
      },
      {
        path: 'volunteers',
        name: 'volunteers',
        component: () => import('../views/people/volunteers/index.vue'),
        meta: { titleKey: 'menu.volunteers', icon: Avatar, permission: 'orgs:read' },
      },
      {
        path: 'in-service',
        name: 'in-service',
        component: () => import('../views/people/in-service/index.vue'),
        meta: { titleKey: 'menu.inService', icon: Stamp, permission: 'orgs:read' },
      },
      {
        path: 'organisations',
        name: 'organisations',
        component: () => import('../views/people/organisations/index.vue'),
        meta: { titleKey: 'menu.organisations', icon: School, permission: 'orgs:read' },
      },
      {
        // 志愿服务队 (issue 14): teams a case can be sent to for home service; orgs:write edits.
        path: 'volunteer-teams',
        name: 'volunteer-teams',
        component: () => import('../views/people/teams/index.vue'),
        meta: { titleKey: 'teams.menu', icon: Service, permission: 'orgs:read' },
      },
    ],
  },
  caseRoutes,
  ...whistleRoutes,
  ...disputeRoutes,
  ...dutyRoutes,
  ...legalRoutes,
  serviceRoutes,
  hallRoutes,
  ...serviceCatalogueRoutes,
  communityRoutes,
  decideRoutes,
  ...listRoutes,
  {
    path: 'visit-logs',
    name: 'visit-logs',
    component: () => import('../views/visits/list/index.vue'),
    meta: { titleKey: 'menu.visitLogs', icon: Notebook, permission: 'visits:read' },
  },
  {
    path: 'departments',
    name: 'departments',
    component: () => import('../views/departments/list/index.vue'),
    meta: { titleKey: 'menu.departments', icon: OfficeBuilding, permission: 'departments:read' },
  },
  ...calendarRoutes,
  {
    // 用户管理: staff accounts and roles of the administrator's area.
    path: 'users',
    name: 'users',
    component: () => import('../views/users/list/index.vue'),
    meta: { titleKey: 'menu.users', icon: Key, permission: 'users:manage' },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('../views/error/forbidden/index.vue'),
    meta: { titleKey: 'menu.forbidden', hideInMenu: true },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../views/error/not-found/index.vue'),
    meta: { titleKey: 'menu.notFound', hideInMenu: true },
  },
];
