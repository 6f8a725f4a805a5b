// 共建单位 pages: options and small helpers shared by the panes.
import { unitLists } from '../../../../../shared/community-units';

export const lists = unitLists;
export const entryStateTag = { open: 'info', submitted: 'warning', confirmed: 'success', returned: 'danger' } as const;
export const agreementStateTag = { draft: 'info', signed: 'success', ended: 'info' } as const;

/** This year and the two before, for the year picker (China time). */
export function yearOptions(now = new Date()): number[] {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  return [year, year - 1, year - 2];
}

export const formatTime = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';
