// Shared by the 办件 pages: the colour of each state's tag.
import type { ApplicationState, PartState } from '../../../../shared/services';

type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';
export const applicationTone: Record<ApplicationState, Tone> = {
  submitted: 'warning',
  supplement: 'danger',
  accepted: 'primary',
  in_review: 'primary',
  approved: 'success',
  refused: 'info',
  ready: 'success',
  collected: 'info',
  withdrawn: 'info',
};
export const partTone: Record<PartState, Tone> = {
  waiting: 'info',
  pending: 'warning',
  in_review: 'primary',
  supplement: 'danger',
  approved: 'success',
  refused: 'danger',
  withdrawn: 'info',
};
export const applicationStateOrder: ApplicationState[] = [
  'submitted',
  'supplement',
  'accepted',
  'in_review',
  'approved',
  'ready',
  'collected',
  'refused',
  'withdrawn',
];
/** Actions that need a written reason, and those that may take an optional note. */
export const noteRequired = new Set(['supplement', 'refuse']);
