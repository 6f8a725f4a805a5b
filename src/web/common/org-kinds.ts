// The county's lists of party organisation kinds and organisation kinds, with their labels in the UI
// language, asked once per language and shared by the pages; administrators edit them (lists:configure).
import { reactive } from 'vue';
import { listOrganisationKinds, listPartyOrgKinds } from './api/orgs';
import type { OrganisationKindItem, PartyOrgKindItem } from './api-types';

interface KindState {
  party: PartyOrgKindItem[];
  organisation: OrganisationKindItem[];
  locale: string;
  loading: boolean;
}

export const orgKinds = reactive<KindState>({ party: [], organisation: [], locale: '', loading: false });
let pending: Promise<void> | null = null;

/** Loads both lists for `locale` unless they are here; never throws (labels fall back to the server's row labels). */
export function ensureOrgKinds(locale: string, force = false): Promise<void> {
  if (!force && orgKinds.locale === locale && orgKinds.party.length) return Promise.resolve();
  if (pending && !force) return pending;
  orgKinds.loading = true;
  pending = Promise.all([listPartyOrgKinds(), listOrganisationKinds()])
    .then(([party, organisation]) => {
      orgKinds.party = party.items;
      orgKinds.organisation = organisation.items;
      orgKinds.locale = locale;
    })
    .catch(() => undefined)
    .finally(() => {
      orgKinds.loading = false;
      pending = null;
    });
  return pending;
}

// Text colours: each reads at 4.5:1 or more on white and light grey (issue 18).
const palette = ['#b91c1c', '#be185d', '#c2410c', '#b45309', '#854d0e', '#1d4ed8', '#047857', '#7c3aed', '#0e7490'];

/** A steady colour per kind: its place in the county's list. */
export function kindColor(list: readonly { code: string }[], code: string): string {
  const index = list.findIndex((k) => k.code === code);
  return palette[(index < 0 ? palette.length - 1 : index) % palette.length];
}
