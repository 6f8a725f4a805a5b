// The three lists an administrator keeps on this page, and what a row of each looks like in the form.
import type { OrganisationKindItem, PartyOrgKindItem, ResidentTag } from '../../../../common/api-types';

export type ListName = 'tags' | 'party' | 'organisation';
export const tones = ['default', 'primary', 'success', 'warning', 'danger'] as const;
export const placeKinds = ['street', 'community', 'grid', 'building', 'household'] as const;
export type PlaceKindCode = (typeof placeKinds)[number];

/** One form for the three lists; the fields a list does not have are left out when saved. */
export interface EntryForm {
  labelZh: string;
  labelEn: string;
  sort: number | undefined;
  needsVisit: boolean;
  tone: (typeof tones)[number];
  sensitive: boolean;
  /** 困难群众: residents with the tag are in the care of an assistance-adviser team */
  hardship: boolean;
  placeKinds: PlaceKindCode[];
  parentKinds: string[];
  memberUnits: boolean;
}

export type Entry = ResidentTag | PartyOrgKindItem | OrganisationKindItem;

export function formOf(entry: Entry | null): EntryForm {
  const e = (entry ?? {}) as Partial<ResidentTag & PartyOrgKindItem>;
  return {
    labelZh: e.labelZh ?? '',
    labelEn: e.labelEn ?? '',
    sort: e.sort,
    needsVisit: e.needsVisit ?? false,
    tone: e.tone ?? 'default',
    sensitive: e.sensitive ?? false,
    hardship: e.hardship ?? false,
    placeKinds: e.placeKinds
      ? (e.placeKinds.filter((k) => (placeKinds as readonly string[]).includes(k)) as PlaceKindCode[])
      : ['community'],
    parentKinds: e.parentKinds ? [...e.parentKinds] : [],
    memberUnits: e.memberUnits ?? false,
  };
}

/** What is sent for this list: labels and order always, the list's own fields besides. */
export function bodyOf(list: ListName, form: EntryForm) {
  const common = { labelZh: form.labelZh.trim(), labelEn: form.labelEn.trim(), sort: form.sort };
  if (list === 'tags')
    return {
      ...common,
      needsVisit: form.needsVisit,
      tone: form.tone,
      sensitive: form.sensitive,
      hardship: form.hardship,
    };
  if (list === 'party')
    return { ...common, placeKinds: form.placeKinds, parentKinds: form.parentKinds, memberUnits: form.memberUnits };
  return common;
}
