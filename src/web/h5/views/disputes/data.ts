import type { DisputeRisk, DisputeStatus, MediationOutcome } from '../../../common/api/disputes';

/** The Vant tag colour of a dispute state. */
export const statusTagType = (status: DisputeStatus) =>
  status === 'open'
    ? 'warning'
    : status === 'agreed'
      ? 'success'
      : status === 'failed'
        ? 'danger'
        : status === 'mediating'
          ? 'primary'
          : 'default';

/** 高 red, 中 orange, 低 green: the colours of the risk tag (text and a light background). */
export const riskColors: Record<DisputeRisk, { color: string; background: string }> = {
  high: { color: '#b42318', background: '#fdecec' },
  medium: { color: '#b45309', background: '#fff1e0' },
  low: { color: '#166534', background: '#e7f6ec' },
};

export const outcomeTagType = (outcome: MediationOutcome) =>
  outcome === 'agreed' ? 'success' : outcome === 'not_agreed' ? 'danger' : 'warning';

/** Names typed in one field: 吴桂兰、孙律师 (also commas, semicolons and spaces), without repeats. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\s]+/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The words of a mediation form, kept for the tab (a phone call or a reload does not lose them).
 * The signatures stay on the canvases only: they are signed again if the page was gone.
 */
export interface MediationDraft {
  mediators: string;
  legalAdvisers: string;
  record: string;
  outcome: MediationOutcome;
  agreementText: string;
}
const draftKey = (disputeId: string) => `linli.h5.mediation.${disputeId}`;

export function loadMediationDraft(disputeId: string, mediators: string): MediationDraft {
  const fresh: MediationDraft = { mediators, legalAdvisers: '', record: '', outcome: 'agreed', agreementText: '' };
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(disputeId)) ?? 'null') as Partial<MediationDraft> | null;
    if (saved && typeof saved === 'object') return { ...fresh, ...saved };
  } catch {
    // unreadable: start again
  }
  return fresh;
}

export function saveMediationDraft(disputeId: string, draft: MediationDraft | null) {
  try {
    if (draft) sessionStorage.setItem(draftKey(disputeId), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(disputeId));
  } catch {
    // private mode or full: the form still works, only without the copy
  }
}
