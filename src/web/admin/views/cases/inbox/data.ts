import type { CaseCategory, CaseChannel, CasePage, CaseState } from '../../../../common/api-types';

/** The state tabs: 未结案 first (what still needs someone), then each state, then everything. */
export type StateTab = CaseState | 'open' | 'all';
export const stateTabs: StateTab[] = [
  'open',
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'suspended',
  'verifying',
  'resolved',
  'closed',
  'rejected',
  'all',
];
const openStates: CaseState[] = [
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'suspended',
  'resolved',
  'verifying',
];

export const isStateTab = (value: string): value is StateTab => (stateTabs as string[]).includes(value);

export function tabCount(page: CasePage | null, tab: StateTab): number | null {
  if (!page) return null;
  const counts = page.counts;
  if (tab === 'all') return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  if (tab === 'open') return openStates.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return counts[tab] ?? 0;
}

/** Channels a case can come in by, for the filter. */
export const channelOptions: CaseChannel[] = [
  'qr',
  'snap',
  'hotline',
  'walkIn',
  'kiosk',
  'patrol',
  'open311',
  'import',
];
export const isChannel = (value: string): value is CaseChannel => (channelOptions as string[]).includes(value);

export interface CategoryNode {
  value: string;
  label: string;
  children?: CategoryNode[];
}

/** The category tree (parents have no parentCode) for a tree select. */
export function categoryTree(items: CaseCategory[]): CategoryNode[] {
  const roots = items.filter((c) => !c.parentCode);
  return roots.map((root) => {
    const children = items.filter((c) => c.parentCode === root.code).map((c) => ({ value: c.code, label: c.name }));
    return { value: root.code, label: root.name, children: children.length ? children : undefined };
  });
}

export const pageSizes = [10, 20, 50, 100];
