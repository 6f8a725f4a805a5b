import type { CaseState } from '../../../common/api-types';

/** The Vant tag colour of a case state. */
export const stateTagType = (state: CaseState) =>
  state === 'submitted'
    ? 'warning'
    : state === 'resolved'
      ? 'success'
      : state === 'rejected'
        ? 'danger'
        : state === 'closed' || state === 'suspended'
          ? 'default'
          : 'primary';

/** The text being written in 随手拍 is kept for the tab (a call or a reload does not lose it), with its idempotency key. */
export interface SnapDraft {
  key: string;
  description: string;
  address: string;
  categoryCode: string;
  urgent: boolean;
  /** 代居民反映: the resident the grid worker reports for, who then gets the SMS with the tracking link */
  residentName: string;
  residentPhone: string;
}
const draftKey = (userId: string) => `linli.h5.snap.${userId}`;

export function loadSnapDraft(userId: string, fresh: () => string): SnapDraft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(userId)) ?? 'null') as Partial<SnapDraft> | null;
    if (saved && typeof saved.key === 'string') return { ...blankSnap(saved.key), ...saved } as SnapDraft;
  } catch {
    // unreadable: start again
  }
  return blankSnap(fresh());
}

export const blankSnap = (key: string): SnapDraft => ({
  key,
  description: '',
  address: '',
  categoryCode: '',
  urgent: false,
  residentName: '',
  residentPhone: '',
});

/** A mainland mobile number, as residents type it (spaces and dashes allowed). */
export const isMobile = (value: string) => /^1[3-9]\d{9}$/.test(value.replace(/[\s-]/g, ''));

export function saveSnapDraft(userId: string, draft: SnapDraft | null) {
  try {
    if (draft) sessionStorage.setItem(draftKey(userId), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(userId));
  } catch {
    // private mode: nothing kept
  }
}

export const minDescription = 5;
export const maxDescription = 2000;
