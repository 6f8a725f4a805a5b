import {
  AlarmClock,
  Bell,
  ChatLineSquare,
  Checked,
  View,
  Calendar,
  Finished,
  Medal,
  Present,
  ShoppingCart,
  DocumentChecked,
  House,
  Location,
  MapLocation,
  Notebook,
  OfficeBuilding,
  Share,
  Grid as GridIcon,
  Tickets,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { Permission } from '../../../../../shared/roles';
import type { Grid } from '../../../../common/api-types';
import type { CommunityTodoKind } from '../../../../common/api/community-todo';
import type { DecideTodoKind } from '../../../../common/api/decide-numbers';
import type { TodoCardDef } from './TodoPanel.vue';

export interface StatCardDef {
  /** key of PlaceDetail.counts */
  kind: 'street' | 'community' | 'grid' | 'building' | 'unit' | 'household';
  icon: Component;
  color: string;
}

export const statCards: StatCardDef[] = [
  { kind: 'street', icon: Location, color: '#0891b2' },
  { kind: 'community', icon: House, color: '#059669' },
  { kind: 'grid', icon: GridIcon, color: '#d97706' },
  { kind: 'building', icon: OfficeBuilding, color: '#6366f1' },
  { kind: 'unit', icon: Tickets, color: '#64748b' },
  { kind: 'household', icon: User, color: '#e11d48' },
];

export interface QuickLinkDef {
  key: 'placeTree' | 'gridMap' | 'households' | 'residents' | 'visitLogs' | 'whistles' | 'dutyTasks' | 'departments';
  to: string;
  icon: Component;
  color: string;
  permission: Permission;
}

export const quickLinks: QuickLinkDef[] = [
  { key: 'placeTree', to: '/places/tree', icon: Share, color: '#2563eb', permission: 'places:read' },
  { key: 'gridMap', to: '/grids/map', icon: MapLocation, color: '#d97706', permission: 'places:read' },
  { key: 'households', to: '/households', icon: User, color: '#e11d48', permission: 'households:read' },
  { key: 'residents', to: '/people/residents', icon: UserFilled, color: '#7c3aed', permission: 'people:read' },
  { key: 'visitLogs', to: '/visit-logs', icon: Notebook, color: '#16a34a', permission: 'visits:read' },
  // what a department's receiver or handler comes to the console for
  { key: 'whistles', to: '/whistles', icon: Bell, color: '#dc2626', permission: 'whistle:answer' },
  { key: 'dutyTasks', to: '/duty-tasks', icon: DocumentChecked, color: '#0891b2', permission: 'duties:assign' },
  { key: 'departments', to: '/departments', icon: OfficeBuilding, color: '#059669', permission: 'departments:read' },
];

export interface SummaryRow {
  code: string;
  name: string;
  grids: number;
  households: number;
  workers: string[];
}

/** Grids grouped by community: how many grids, households and grid workers each has. */
export function summariseByCommunity(grids: Grid[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const grid of grids) {
    const row = rows.get(grid.community.code) ?? {
      code: grid.community.code,
      name: grid.community.name,
      grids: 0,
      households: 0,
      workers: [],
    };
    row.grids += 1;
    row.households += grid.householdCount;
    for (const worker of grid.workers) if (!row.workers.includes(worker.name)) row.workers.push(worker.name);
    rows.set(row.code, row);
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export const greetingKey = (hour: number) =>
  hour < 11 ? 'morning' : hour < 13 ? 'noon' : hour < 18 ? 'afternoon' : 'evening';

/** One row per grid, for a single community. */
export const summariseByGrid = (grids: Grid[]): SummaryRow[] =>
  grids.map((grid) => ({
    code: grid.code,
    name: grid.name,
    grids: 1,
    households: grid.householdCount,
    workers: grid.workers.map((w) => w.name),
  }));

/** 邻里生活待办: each kind's console page, icon and colour (the server sends only kinds the user may act on). */
export const todoCards: Record<CommunityTodoKind, TodoCardDef> = {
  wishesToReview: { to: '/community/wishes', icon: Present, color: '#e11d48' },
  entriesToConfirm: { to: '/community/units', icon: OfficeBuilding, color: '#2563eb' },
  redemptionsToHandOver: { to: '/community/points-shop', icon: ShoppingCart, color: '#d97706' },
  stewardNominations: { to: '/community/stewards', icon: UserFilled, color: '#7c3aed' },
  stewardVotes: { to: '/community/stewards', icon: Finished, color: '#0891b2' },
  bookingsToday: { to: '/community/room-bookings', icon: Calendar, color: '#059669' },
  postRecordsToConfirm: { to: '/community/posts', icon: Medal, color: '#dc2626' },
};

/** 居民议事待办: each kind's console page (with its filter where the page takes one), icon and colour. */
export const decideTodoCards: Record<DecideTodoKind, TodoCardDef> = {
  topicsToScreen: {
    to: { name: 'decide-topics', query: { state: 'screening' } },
    icon: ChatLineSquare,
    color: '#2563eb',
  },
  tasksDue: { to: { name: 'decide-meetings', query: { state: 'held' } }, icon: AlarmClock, color: '#dc2626' },
  noticesToApprove: { to: { name: 'decide-notices-approval' }, icon: Checked, color: '#d97706' },
  objectionsToAnswer: { to: { name: 'decide-honours' }, icon: Medal, color: '#7c3aed' },
  votesToClose: { to: { name: 'decide-votes', query: { state: 'open' } }, icon: Finished, color: '#0891b2' },
  issuesToHandle: { to: { name: 'decide-supervisors' }, icon: View, color: '#059669' },
};
