/** The big entries of the phone home page; 随手拍 and 我的任务 are not built yet. */
export interface HomeEntry {
  key: 'myGrid' | 'snap' | 'visitLog' | 'tasks';
  icon: string;
  color: string;
  soon?: boolean;
}

export const homeEntries: HomeEntry[] = [
  { key: 'myGrid', icon: 'location', color: '#1f6feb' },
  { key: 'snap', icon: 'photograph', color: '#f97316', soon: true },
  { key: 'visitLog', icon: 'notes', color: '#16a34a' },
  { key: 'tasks', icon: 'todo-list', color: '#9333ea', soon: true },
];

/** Counts shown on the scope card, in this order, when the place has them. */
export const scopeCounts = ['grid', 'building', 'unit', 'household'] as const;
