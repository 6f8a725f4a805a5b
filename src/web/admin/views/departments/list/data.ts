import type { Department } from '../../../../common/api-types';

export interface DepartmentColumn {
  key: 'name' | 'kind' | 'street' | 'phone' | 'code';
  labelKey: string;
  minWidth?: number;
  width?: number;
}

export const departmentColumns: DepartmentColumn[] = [
  { key: 'name', labelKey: 'departments.columns.name', minWidth: 160 },
  { key: 'kind', labelKey: 'departments.columns.kind', minWidth: 130 },
  { key: 'street', labelKey: 'departments.columns.street', minWidth: 120 },
  { key: 'phone', labelKey: 'departments.columns.phone', minWidth: 140 },
  { key: 'code', labelKey: 'departments.columns.code', minWidth: 120 },
];

export function filterDepartments(rows: Department[], kind: string, text: string) {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!kind || row.kind === kind) &&
      (!needle || row.name.toLowerCase().includes(needle) || row.code.toLowerCase().includes(needle)),
  );
}
