import type { HouseholdRow } from '../../../../common/api-types';

export interface ColumnDef {
  key: string;
  /** i18n key of the header */
  labelKey: string;
  minWidth?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
  value: (row: HouseholdRow) => string | number | null;
}

export const householdColumns: ColumnDef[] = [
  { key: 'address', labelKey: 'households.columns.address', minWidth: 280, value: (row) => row.address },
  { key: 'building', labelKey: 'households.columns.building', minWidth: 100, value: (row) => row.building.name },
  { key: 'unit', labelKey: 'households.columns.unit', minWidth: 90, value: (row) => row.unitName },
  { key: 'room', labelKey: 'households.columns.room', minWidth: 90, value: (row) => row.room },
  { key: 'floor', labelKey: 'households.columns.floor', width: 90, align: 'right', value: (row) => row.floor },
];

export const pageSizes = [10, 20, 50, 100];
export const defaultPageSize = 20;

/** Positive integer from a query value, or the fallback. */
export const intParam = (value: unknown, fallback: number, allowed?: number[]) => {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isFinite(n) || n < 1) return fallback;
  return allowed && !allowed.includes(n) ? fallback : n;
};
