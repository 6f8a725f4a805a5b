// The resident tags (独居老人, 低保户…) with their labels in the UI language, asked once per language
// and shared by every page; `needsVisit` tags are the ones a grid worker should visit.
import { reactive } from 'vue';
import { listResidentTags } from './api/people';
import type { ResidentTag } from './api-types';

interface TagState {
  items: ResidentTag[];
  locale: string;
  loading: boolean;
  error: string;
}

export const residentTags = reactive<TagState>({ items: [], locale: '', loading: false, error: '' });
let pending: Promise<ResidentTag[]> | null = null;
let pendingLocale = '';

/** Loads the tags for `locale` unless they are already here; never throws (labels fall back to codes). */
export function ensureResidentTags(locale: string): Promise<ResidentTag[]> {
  if (residentTags.locale === locale && residentTags.items.length) return Promise.resolve(residentTags.items);
  if (pending && pendingLocale === locale) return pending;
  pendingLocale = locale;
  residentTags.loading = true;
  residentTags.error = '';
  pending = listResidentTags()
    .then(({ items }) => {
      residentTags.items = items;
      residentTags.locale = locale;
      return items;
    })
    .catch((error: unknown) => {
      residentTags.error = error instanceof Error ? error.message : String(error);
      return residentTags.items;
    })
    .finally(() => {
      residentTags.loading = false;
      pending = null;
    });
  return pending;
}

/** Asks the server again (after an administrator changed the list). */
export function reloadResidentTags(locale: string): Promise<ResidentTag[]> {
  residentTags.locale = '';
  residentTags.items = [];
  return ensureResidentTags(locale);
}

/** The tags a form offers: the active ones, and the retired ones the resident already has. */
export const pickableTags = (held: readonly string[] = []) =>
  residentTags.items.filter((tag) => tag.active || held.includes(tag.code));

/** A tag's label; '…' while the labels are on their way (a code such as elderly_alone is no word for a
 * person), the code itself only when the server has no label for it. */
export const tagLabel = (code: string) =>
  residentTags.items.find((tag) => tag.code === code)?.label ?? (residentTags.loading ? '…' : code);

export const tagNeedsVisit = (code: string) => residentTags.items.find((tag) => tag.code === code)?.needsVisit ?? false;

/** Tags that need a visit first, then the others, each group in the server's order. */
export function sortTags(codes: readonly string[]) {
  const order = new Map(residentTags.items.map((tag, index) => [tag.code, index]));
  const rank = (code: string) => (tagNeedsVisit(code) ? 0 : 1000) + (order.get(code) ?? 999);
  return [...codes].sort((a, b) => rank(a) - rank(b));
}
