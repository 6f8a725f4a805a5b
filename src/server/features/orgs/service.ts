import { recordAudit } from '../../platform/audit.js';
import type { OrgsDeps } from './deps.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { isUnder, resolveUnder, scopeOf } from '../../platform/scope.js';
import { dateText } from '../people/index.js';
import { findByCode } from '../places/index.js';
import {
  createOrganisationKind,
  createPartyOrgKind,
  organisationKinds,
  partyOrgKinds,
  updateOrganisationKind,
  updatePartyOrgKind,
} from './kinds.js';
import { assertMayReadOrgs, assertMayReadOrgsAt, assertMayWriteOrgsAt } from './policy.js';
import * as repo from './repository.js';
import type {
  InServiceInputT,
  OrganisationInputT,
  OrganisationKindInputT,
  OrganisationKindUpdateT,
  PartyOrgKindInputT,
  PartyOrgKindUpdateT,
  PartyMemberInputT,
  PartyOrgInputT,
  RosterQueryT,
  TeamQueryT,
  VolunteerInputT,
  VolunteerTeamInputT,
  VolunteerTeamUpdateT,
} from './schemas.js';
import { createTeam, listTeams, teamCandidates, updateTeam } from './teams.js';

export type { OrgsDeps };

// 党组织 tree: each kind (the county's list, party_org_kinds) names the kinds of place it sits on and
// the kinds of parent it sits under (none: at the top), e.g. 功能型党支部 under a 社区大党委.

async function underPath({ db }: OrgsDeps, actor: Actor, code: string | undefined) {
  assertMayReadOrgs(actor);
  return (await resolveUnder(db, actor, 'orgs:read', code))?.path ?? null;
}

async function writablePlace({ db }: OrgsDeps, actor: Actor, code: string) {
  const place = await findByCode(db, code);
  if (!place || place.status !== 'active') throw new AppError('NOT_FOUND', { placeCode: code });
  assertMayWriteOrgsAt(actor, place.path);
  return place;
}

async function writableResident({ db }: OrgsDeps, actor: Actor, id: string) {
  const resident = await repo.residentWithPath(db, id);
  if (!resident) throw new AppError('NOT_FOUND');
  assertMayWriteOrgsAt(actor, resident.path);
  if (resident.status !== 'active') throw new AppError('RESIDENT_NOT_ACTIVE');
  return resident;
}

const filter = async (deps: OrgsDeps, actor: Actor, q: RosterQueryT) => ({
  scope: scopeOf(actor, 'orgs:read'),
  underPath: await underPath(deps, actor, q.under),
  q: q.q,
  partyOrgId: q.partyOrgId,
  offset: (q.page - 1) * q.pageSize,
  limit: q.pageSize,
});
const person = (r: {
  resident_id: string;
  name: string;
  gender: string | null;
  phone_masked: string | null;
  address: string;
}) => ({
  residentId: r.resident_id,
  name: r.name,
  gender: r.gender,
  phone: r.phone_masked,
  address: r.address,
});

/** One write and its audit row in one transaction. */
async function audited(
  { db, clock }: OrgsDeps,
  actor: Actor,
  action: string,
  entityId: string,
  tenantId: string,
  after: unknown,
  write: (trx: Transaction<Database>) => Promise<void>,
) {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await write(trx);
    await recordAudit(trx, actor, { action, entityType: action.split('.')[0], entityId, tenantId, after }, now);
  });
}

async function partyOrgs(deps: OrgsDeps, actor: Actor, under: string | undefined, locale: Locale) {
  const rows = await repo.listPartyOrgs(deps.db, scopeOf(actor, 'orgs:read'), await underPath(deps, actor, under));
  const units = await repo.listPartyOrgUnits(
    deps.db,
    rows.filter((r) => r.member_units).map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind,
    kindLabel: locale === 'en' ? r.kind_en || r.kind_zh : r.kind_zh,
    place: { code: r.place_code, name: r.place_name },
    memberCount: r.member_count ?? 0,
    takesUnits: r.member_units,
    memberUnits: units.filter((u) => u.party_org_id === r.id).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
  }));
}

/** An active kind of the county's list, or 422 naming it. */
async function activeKind<K extends { code: string; active: boolean }>(list: Promise<K[]>, code: string) {
  const kind = (await list).find((k) => k.code === code && k.active);
  if (!kind) throw invalid('kind', 'unknownKind');
  return kind;
}

async function createPartyOrg(deps: OrgsDeps, actor: Actor, input: PartyOrgInputT) {
  const place = await writablePlace(deps, actor, input.placeCode);
  const rule = await activeKind(repo.listPartyOrgKinds(deps.db), input.kind);
  if (!rule.place_kinds.includes(place.kind))
    throw new AppError('PLACE_PARENT_INVALID', { kind: input.kind, placeKind: place.kind });
  const parent = input.parentId ? await repo.findPartyOrg(deps.db, input.parentId) : undefined;
  if (
    (rule.parent_kinds.length === 0) !== (parent === undefined) ||
    (parent && (!rule.parent_kinds.includes(parent.kind) || !isUnder(place.path, parent.path)))
  ) {
    throw new AppError('PLACE_PARENT_INVALID', { kind: input.kind, parentKind: parent?.kind ?? null });
  }
  const id = newId();
  const row = {
    id,
    tenant_id: place.tenant_id!,
    parent_id: parent?.id ?? null,
    name: input.name,
    kind: input.kind,
    place_id: place.id,
    created_at: deps.clock.now(),
  };
  await audited(deps, actor, 'partyOrg.create', id, place.tenant_id!, { ...input }, (trx) =>
    repo.insertPartyOrg(trx, row),
  );
  return { id };
}

async function partyMembers(deps: OrgsDeps, actor: Actor, q: RosterQueryT) {
  const { rows, total } = await repo.listPartyMembers(deps.db, await filter(deps, actor, q));
  return {
    items: rows.map((r) => ({
      ...person(r),
      partyOrg: r.party_org,
      joinedOn: dateText(r.joined_on),
      memberKind: r.member_kind,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function addPartyMember(deps: OrgsDeps, actor: Actor, input: PartyMemberInputT) {
  const resident = await writableResident(deps, actor, input.residentId);
  const org = await repo.findPartyOrg(deps.db, input.partyOrgId);
  if (!org) throw new AppError('NOT_FOUND', { partyOrgId: input.partyOrgId });
  assertMayReadOrgsAt(actor, org.path);
  await audited(deps, actor, 'partyMember.set', resident.id, resident.tenant_id, { ...input }, (trx) =>
    repo.upsertPartyMember(trx, {
      resident_id: resident.id,
      tenant_id: resident.tenant_id,
      party_org_id: org.id,
      joined_on: input.joinedOn ?? null,
      member_kind: input.memberKind,
      created_at: deps.clock.now(),
    }),
  );
  return { residentId: resident.id };
}

async function volunteers(deps: OrgsDeps, actor: Actor, q: RosterQueryT) {
  const { rows, total } = await repo.listVolunteers(deps.db, await filter(deps, actor, q));
  return {
    items: rows.map((r) => ({
      ...person(r),
      skills: r.skills,
      team: r.team,
      serviceHours: Math.round((r.service_minutes / 60) * 10) / 10,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function addVolunteer(deps: OrgsDeps, actor: Actor, input: VolunteerInputT) {
  const resident = await writableResident(deps, actor, input.residentId);
  await audited(deps, actor, 'volunteer.set', resident.id, resident.tenant_id, { ...input }, (trx) =>
    repo.upsertVolunteer(trx, {
      resident_id: resident.id,
      tenant_id: resident.tenant_id,
      skills: input.skills,
      team: input.team,
      registered_at: deps.clock.now(),
    }),
  );
  return { residentId: resident.id };
}

async function inServiceMembers(deps: OrgsDeps, actor: Actor, q: RosterQueryT) {
  const { rows, total } = await repo.listInService(deps.db, await filter(deps, actor, q));
  return {
    items: rows.map((r) => ({
      ...person(r),
      workUnit: r.work_unit,
      community: r.community,
      claimedPosts: r.claimed_posts,
      registeredAt: new Date(r.registered_at).toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** 双报到: a party member who works elsewhere registers in the home community. */
async function registerInService(deps: OrgsDeps, actor: Actor, input: InServiceInputT) {
  const resident = await writableResident(deps, actor, input.residentId);
  const community = await writablePlace(deps, actor, input.communityCode);
  if (community.kind !== 'community') throw new AppError('PLACE_PARENT_INVALID');
  await audited(deps, actor, 'inService.register', resident.id, resident.tenant_id, { ...input }, (trx) =>
    repo.upsertInService(trx, {
      resident_id: resident.id,
      tenant_id: resident.tenant_id,
      work_unit: input.workUnit,
      community_id: community.id,
      claimed_posts: input.claimedPosts,
      registered_at: deps.clock.now(),
    }),
  );
  return { residentId: resident.id };
}

async function organisations(deps: OrgsDeps, actor: Actor, locale: Locale, under?: string, kind?: string) {
  const rows = await repo.listOrganisations(
    deps.db,
    scopeOf(actor, 'orgs:read'),
    await underPath(deps, actor, under),
    kind,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: locale === 'en' ? r.kind_en || r.kind_zh : r.kind_zh,
    name: r.name,
    place: { code: r.place_code, name: r.place_name },
    contactName: r.contact_name,
    phone: r.phone,
  }));
}

async function createOrganisation(deps: OrgsDeps, actor: Actor, input: OrganisationInputT) {
  const place = await writablePlace(deps, actor, input.placeCode);
  if (place.kind !== 'community' && place.kind !== 'street') throw new AppError('PLACE_PARENT_INVALID');
  await activeKind(repo.listOrganisationKinds(deps.db), input.kind);
  const id = newId();
  await audited(deps, actor, 'organisation.create', id, place.tenant_id!, { ...input }, (trx) =>
    repo.insertOrganisation(trx, {
      id,
      tenant_id: place.tenant_id!,
      kind: input.kind,
      name: input.name,
      place_id: place.id,
      contact_name: input.contactName,
      phone: input.phone,
      created_at: deps.clock.now(),
    }),
  );
  return { id };
}

/** A member unit of a 大党委: an organisation (共建单位, 物业, 社会组织) the actor may see. */
async function addPartyOrgUnit(deps: OrgsDeps, actor: Actor, partyOrgId: string, organisationId: string) {
  const org = await repo.findPartyOrg(deps.db, partyOrgId);
  if (!org) throw new AppError('NOT_FOUND', { partyOrgId });
  assertMayReadOrgsAt(actor, org.path);
  assertMayWriteOrgsAt(actor, org.path);
  const kind = (await repo.listPartyOrgKinds(deps.db)).find((k) => k.code === org.kind);
  if (!kind?.member_units) throw new AppError('PARTY_ORG_UNITS_NOT_ALLOWED', { kind: org.kind });
  const unit = await repo.findOrganisation(deps.db, organisationId);
  if (!unit) throw new AppError('NOT_FOUND', { organisationId });
  assertMayReadOrgsAt(actor, unit.path);
  const after = { partyOrg: org.name, organisationId, organisation: unit.name };
  await audited(deps, actor, 'partyOrg.addUnit', org.id, org.tenant_id, after, async (trx) => {
    const row = {
      party_org_id: org.id,
      organisation_id: unit.id,
      tenant_id: org.tenant_id,
      created_at: deps.clock.now(),
    };
    if (!(await repo.insertPartyOrgUnit(trx, row))) throw new AppError('LIST_ENTRY_TAKEN', { organisationId });
  });
  return { id: org.id };
}

export function createOrgsService(deps: OrgsDeps) {
  return {
    partyOrgs: (actor: Actor, locale: Locale, under?: string) => partyOrgs(deps, actor, under, locale),
    addPartyOrgUnit: (actor: Actor, partyOrgId: string, organisationId: string) =>
      addPartyOrgUnit(deps, actor, partyOrgId, organisationId),
    partyOrgKinds: (actor: Actor, locale: Locale) => partyOrgKinds(deps, actor, locale),
    createPartyOrgKind: (actor: Actor, input: PartyOrgKindInputT) => createPartyOrgKind(deps, actor, input),
    updatePartyOrgKind: (actor: Actor, code: string, input: PartyOrgKindUpdateT) =>
      updatePartyOrgKind(deps, actor, code, input),
    organisationKinds: (actor: Actor, locale: Locale) => organisationKinds(deps, actor, locale),
    createOrganisationKind: (actor: Actor, input: OrganisationKindInputT) => createOrganisationKind(deps, actor, input),
    updateOrganisationKind: (actor: Actor, code: string, input: OrganisationKindUpdateT) =>
      updateOrganisationKind(deps, actor, code, input),
    createPartyOrg: (actor: Actor, input: PartyOrgInputT) => createPartyOrg(deps, actor, input),
    partyMembers: (actor: Actor, q: RosterQueryT) => partyMembers(deps, actor, q),
    addPartyMember: (actor: Actor, input: PartyMemberInputT) => addPartyMember(deps, actor, input),
    volunteers: (actor: Actor, q: RosterQueryT) => volunteers(deps, actor, q),
    addVolunteer: (actor: Actor, input: VolunteerInputT) => addVolunteer(deps, actor, input),
    inServiceMembers: (actor: Actor, q: RosterQueryT) => inServiceMembers(deps, actor, q),
    registerInService: (actor: Actor, input: InServiceInputT) => registerInService(deps, actor, input),
    organisations: (actor: Actor, locale: Locale, under?: string, kind?: string) =>
      organisations(deps, actor, locale, under, kind),
    createOrganisation: (actor: Actor, input: OrganisationInputT) => createOrganisation(deps, actor, input),
    teams: (actor: Actor, q: TeamQueryT) => listTeams(deps, actor, q),
    teamCandidates: (actor: Actor, placeCode: string) => teamCandidates(deps, actor, placeCode),
    createTeam: (actor: Actor, input: VolunteerTeamInputT) => createTeam(deps, actor, input),
    updateTeam: (actor: Actor, id: string, input: VolunteerTeamUpdateT) => updateTeam(deps, actor, id, input),
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
