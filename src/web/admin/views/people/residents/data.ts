import { normalizePhone, parseIdNumber } from '../../../../../shared/identity';
import type { ResidentStatusFilter } from '../../../../common/api/people';
import type { Residence, Resident, ResidentAction } from '../../../../common/api-types';

export const pageSizes = [10, 20, 50, 100];
export const defaultPageSize = 20;

export const residenceOptions: Residence[] = ['registered', 'resident', 'floating'];
export const statusOptions: ResidentStatusFilter[] = ['active', 'moved_out', 'deceased', 'all'];
export const relationOptions = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'in_law',
  'tenant',
  'other',
] as const;

/** The list state kept in the address bar, so a search can be bookmarked, shared and gone back to. */
export interface ListState {
  q: string;
  under: string;
  tag: string;
  residence: Residence | '';
  status: ResidentStatusFilter;
  page: number;
  size: number;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function readListState(query: Record<string, unknown>): ListState {
  const page = Number.parseInt(text(query.page), 10);
  const size = Number.parseInt(text(query.size), 10);
  const residence = text(query.residence);
  const status = text(query.status);
  return {
    q: text(query.q),
    under: text(query.under),
    tag: text(query.tag),
    residence: (residenceOptions as string[]).includes(residence) ? (residence as Residence) : '',
    status: (statusOptions as string[]).includes(status) ? (status as ResidentStatusFilter) : 'active',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    size: pageSizes.includes(size) ? size : defaultPageSize,
  };
}

/** Only what differs from the defaults goes into the address bar. */
export function writeListState(state: ListState): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.q) query.q = state.q;
  if (state.under) query.under = state.under;
  if (state.tag) query.tag = state.tag;
  if (state.residence) query.residence = state.residence;
  if (state.status !== 'active') query.status = state.status;
  if (state.page > 1) query.page = String(state.page);
  if (state.size !== defaultPageSize) query.size = String(state.size);
  return query;
}

export const hasFilters = (state: ListState) =>
  Boolean(state.q || state.under || state.tag || state.residence || state.status !== 'active');

export { shortAddress } from '../../../../common/format';

/** A full ID number or a phone number: personal data that should not sit in the address bar. */
export const isPersonalNumber = (q: string) =>
  parseIdNumber(q).ok || (/^[\d\s+-]{7,}$/.test(q) && normalizePhone(q) !== null);

export const can = (resident: Pick<Resident, 'actions'> | null | undefined, action: ResidentAction) =>
  Boolean(resident?.actions.includes(action));

export const statusTagType = (status: Resident['status']) =>
  status === 'active' ? 'success' : status === 'moved_out' ? 'warning' : 'info';

/** Form checks that mirror the server's, so mistakes show next to the field before sending. */
export function idNumberProblem(value: string): 'format' | 'birthDate' | 'checkDigit' | null {
  if (!value.trim()) return null;
  const result = parseIdNumber(value);
  return result.ok ? null : result.problem;
}

export const phoneValid = (value: string) => !value.trim() || normalizePhone(value) !== null;

/** One event of the history timeline: its colour by kind. */
export const eventColors: Record<string, string> = {
  registered: '#1f6feb',
  imported: '#0891b2',
  edited: '#64748b',
  moved: '#7c3aed',
  moved_out: '#d97706',
  deceased: '#475569',
};

/** The fields an "edited" event lists (the server keeps the changed keys in its note). */
export const editedFieldKeys = ['name', 'idNumber', 'phone', 'relation', 'residence', 'tags', 'notes'] as const;
