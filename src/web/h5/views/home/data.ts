import type { Permission } from '../../../../shared/roles';

/** The big entries of the phone home page; each needs a permission (none: anyone logged in). */
export interface HomeEntry {
  key: 'myGrid' | 'snap' | 'visitLog' | 'tasks' | 'whistles' | 'legal' | 'myReports';
  icon: string;
  color: string;
  permission?: Permission;
  /** only for residents (accounts without any role): their own reports */
  residentOnly?: boolean;
}

export const homeEntries: HomeEntry[] = [
  { key: 'myGrid', icon: 'location', color: '#1f6feb', permission: 'places:read' },
  { key: 'snap', icon: 'photograph', color: '#f97316', permission: 'cases:intake' },
  { key: 'visitLog', icon: 'notes', color: '#16a34a', permission: 'visits:read' },
  { key: 'tasks', icon: 'todo-list', color: '#9333ea', permission: 'cases:handle' },
  { key: 'whistles', icon: 'volume-o', color: '#dc2626', permission: 'whistle:answer' },
  { key: 'legal', icon: 'question-o', color: '#0f766e' },
  { key: 'myReports', icon: 'comment-o', color: '#0891b2', residentOnly: true },
];

/** Counts shown on the scope card, in this order, when the place has them. */
export const scopeCounts = ['grid', 'building', 'unit', 'household'] as const;
