// 共建单位 on the phone: tag colours and what the home counts as due.
import type { UnitDetail, UnitEntry } from '../../../../common/api/community-units';

export const stateTag = { open: 'primary', submitted: 'warning', confirmed: 'success', returned: 'danger' } as const;

/** The year's agreement's entries by what the liaison has to do about them. */
export function dueCounts(unit: UnitDetail) {
  const entries: UnitEntry[] = unit.agreements[0]?.entries ?? [];
  return {
    due: entries.filter((e) => e.actions.includes('submit')).length,
    overdue: entries.filter((e) => e.overdue).length,
    returned: entries.filter((e) => e.state === 'returned').length,
    waiting: entries.filter((e) => e.state === 'submitted').length,
  };
}
