import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { codeFromLabel } from '../../platform/list-codes.js';
import type { Actor } from '../../platform/policy.js';
import { assertMayConfigureKinds, assertMayReadOrgs } from './policy.js';
import * as repo from './repository.js';
import type {
  OrganisationKindInputT,
  OrganisationKindUpdateT,
  PartyOrgKindInputT,
  PartyOrgKindUpdateT,
} from './schemas.js';
import type { OrgsDeps } from './deps.js';

// The county's lists of party organisation kinds (街道党工委 … 社区大党委, 功能型党支部) and organisation
// kinds (物业公司, 共建单位 …). An administrator keeps them in the console; an entry is never deleted,
// only retired (active = false): organisations of that kind stay, no new one can be made.

type KindRow = { code: string; label_zh: string; label_en: string; sort: number; active: boolean };
type PartyKindRow = Awaited<ReturnType<typeof repo.listPartyOrgKinds>>[number];

const label = (k: KindRow, locale: Locale) => (locale === 'en' ? k.label_en || k.label_zh : k.label_zh);
const presentKind = (k: KindRow, locale: Locale) => ({
  code: k.code,
  label: label(k, locale),
  labelZh: k.label_zh,
  labelEn: k.label_en,
  sort: k.sort,
  active: k.active,
});
const presentPartyKind = (k: PartyKindRow, locale: Locale) => ({
  ...presentKind(k, locale),
  placeKinds: k.place_kinds,
  parentKinds: k.parent_kinds,
  memberUnits: k.member_units,
});

export async function partyOrgKinds({ db }: OrgsDeps, actor: Actor, locale: Locale) {
  assertMayReadOrgs(actor);
  return (await repo.listPartyOrgKinds(db)).map((k) => presentPartyKind(k, locale));
}

export async function organisationKinds({ db }: OrgsDeps, actor: Actor, locale: Locale) {
  assertMayReadOrgs(actor);
  return (await repo.listOrganisationKinds(db)).map((k) => presentKind(k, locale));
}

/** A new entry's code; refuses a code or Chinese label the list already has. */
function newCode(all: KindRow[], input: { code?: string; labelZh: string }) {
  if (all.some((k) => k.code === input.code || k.label_zh === input.labelZh))
    throw new AppError('LIST_ENTRY_TAKEN', { code: input.code, labelZh: input.labelZh });
  return codeFromLabel(input.labelZh, input.code, new Set(all.map((k) => k.code)));
}

function assertLabelFree(all: KindRow[], code: string, labelZh: string | undefined) {
  if (labelZh !== undefined && all.some((k) => k.code !== code && k.label_zh === labelZh))
    throw new AppError('LIST_ENTRY_TAKEN', { labelZh });
}

const nextSort = (all: KindRow[]) => Math.max(0, ...all.map((k) => k.sort)) + 10;

/** Parent kinds must be kinds of the list (or the new kind itself, for a nested kind). */
function assertParents(all: KindRow[], code: string, parents: string[] | undefined) {
  const unknown = (parents ?? []).filter((p) => p !== code && !all.some((k) => k.code === p));
  if (unknown.length) throw new AppError('NOT_FOUND', { parentKinds: unknown });
}

const labelChanges = (input: OrganisationKindUpdateT) => ({
  ...(input.labelZh !== undefined && { label_zh: input.labelZh }),
  ...(input.labelEn !== undefined && { label_en: input.labelEn }),
  ...(input.sort !== undefined && { sort: input.sort }),
  ...(input.active !== undefined && { active: input.active }),
});

export async function createPartyOrgKind({ db, clock }: OrgsDeps, actor: Actor, input: PartyOrgKindInputT) {
  assertMayConfigureKinds(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const all = await repo.listPartyOrgKinds(trx);
    const code = newCode(all, input);
    assertParents(all, code, input.parentKinds);
    const row = {
      code,
      label_zh: input.labelZh,
      label_en: input.labelEn,
      place_kinds: input.placeKinds,
      parent_kinds: input.parentKinds,
      member_units: input.memberUnits,
      sort: input.sort ?? nextSort(all),
      active: true,
      updated_at: now,
    };
    await repo.insertPartyOrgKind(trx, row);
    const entry = { action: 'partyOrgKind.create', entityType: 'partyOrgKind', entityId: code, after: row };
    await recordAudit(trx, actor, entry, now);
    return { code };
  });
}

export async function updatePartyOrgKind(
  { db, clock }: OrgsDeps,
  actor: Actor,
  code: string,
  input: PartyOrgKindUpdateT,
) {
  assertMayConfigureKinds(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const current = await repo.lockPartyOrgKind(trx, code);
    if (!current) throw new AppError('NOT_FOUND', { code });
    const all = await repo.listPartyOrgKinds(trx);
    assertLabelFree(all, code, input.labelZh);
    assertParents(all, code, input.parentKinds);
    const changes = {
      ...labelChanges(input),
      ...(input.placeKinds !== undefined && { place_kinds: input.placeKinds }),
      ...(input.parentKinds !== undefined && { parent_kinds: input.parentKinds }),
      ...(input.memberUnits !== undefined && { member_units: input.memberUnits }),
      updated_at: now,
    };
    await repo.updatePartyOrgKind(trx, code, changes);
    const entry = { action: 'partyOrgKind.update', entityType: 'partyOrgKind', entityId: code };
    await recordAudit(trx, actor, { ...entry, before: current, after: { ...current, ...changes } }, now);
    return { code };
  });
}

export async function createOrganisationKind({ db, clock }: OrgsDeps, actor: Actor, input: OrganisationKindInputT) {
  assertMayConfigureKinds(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const all = await repo.listOrganisationKinds(trx);
    const code = newCode(all, input);
    const row = {
      code,
      label_zh: input.labelZh,
      label_en: input.labelEn,
      sort: input.sort ?? nextSort(all),
      active: true,
      updated_at: now,
    };
    await repo.insertOrganisationKind(trx, row);
    const entry = { action: 'organisationKind.create', entityType: 'organisationKind', entityId: code, after: row };
    await recordAudit(trx, actor, entry, now);
    return { code };
  });
}

export async function updateOrganisationKind(
  { db, clock }: OrgsDeps,
  actor: Actor,
  code: string,
  input: OrganisationKindUpdateT,
) {
  assertMayConfigureKinds(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const current = await repo.lockOrganisationKind(trx, code);
    if (!current) throw new AppError('NOT_FOUND', { code });
    assertLabelFree(await repo.listOrganisationKinds(trx), code, input.labelZh);
    const changes = { ...labelChanges(input), updated_at: now };
    await repo.updateOrganisationKind(trx, code, changes);
    const entry = { action: 'organisationKind.update', entityType: 'organisationKind', entityId: code };
    await recordAudit(trx, actor, { ...entry, before: current, after: { ...current, ...changes } }, now);
    return { code };
  });
}
