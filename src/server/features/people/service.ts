import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { changeResidence, registerResident, updateResident, type ResidenceChange } from './changes.js';
import { exportWorkbook, templateWorkbook } from './excel.js';
import type { PeopleDeps } from './deps.js';
import { classifyQuery } from './identity-fields.js';
import { createResidentImport } from './import.js';
import {
  assertMayImport,
  assertMayReadResident,
  assertMayReadResidents,
  assertMayReveal,
  maySeeSensitiveTags,
  residentActions,
} from './policy.js';
import * as repo from './repository.js';
import type {
  ResidentFiltersT,
  ResidentInputT,
  ResidentQueryT,
  ResidentUpdateT,
  TagInputT,
  TagUpdateT,
} from './schemas.js';
import { createTag, hiddenTagCodes, updateTag, visibleTags, withoutHidden, type TagRow } from './tags.js';
import { ageOn } from '../../../shared/identity.js';

export type { PeopleDeps };

type ResidentRow = NonNullable<Awaited<ReturnType<typeof repo.findResident>>>;

export const gridCodeOfPath = (path: string): string | null => path.split('/').find((c) => /^\d{15}$/.test(c)) ?? null;

export const dateText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);

async function present({ db, clock }: PeopleDeps, actor: Actor, rows: ResidentRow[]) {
  const allTags = await repo.listTags(db);
  const gridCodes = [
    ...new Set(rows.map((r) => gridCodeOfPath(r.household_path)).filter((c): c is string => c !== null)),
  ];
  const grids = new Map((await repo.gridNames(db, gridCodes)).map((g) => [g.code, g.name]));
  const today = clock.now();
  return rows.map((r) => {
    const gridCode = gridCodeOfPath(r.household_path);
    const birthDate = dateText(r.birth_date);
    return {
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate,
      age: ageOn(birthDate, today.toISOString().slice(0, 10)),
      idNumber: r.id_number_masked,
      phone: r.phone_masked,
      relation: r.relation as 'other',
      residence: r.residence,
      tags: withoutHidden(r.tags, hiddenTagCodes(allTags, actor, r.household_path)),
      notes: r.notes,
      status: r.status,
      household: { code: r.household_code, address: r.address },
      grid: gridCode ? { code: gridCode, name: grids.get(gridCode) ?? gridCode } : null,
      party: Boolean(r.is_party),
      volunteer: Boolean(r.is_volunteer),
      actions: residentActions(actor, r),
    };
  });
}

/** A resident the actor may see, or NOT_FOUND. */
async function visible({ db }: PeopleDeps, actor: Actor, id: string) {
  const row = await repo.findResident(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertMayReadResident(actor, row.household_path);
  return row;
}

async function searchSpec(
  { db, pii }: PeopleDeps,
  actor: Actor,
  filters: ResidentFiltersT,
): Promise<repo.ResidentSearch> {
  assertMayReadResidents(actor);
  const underPath = (await resolveUnder(db, actor, 'people:read', filters.under))?.path ?? null;
  let match: repo.ResidentSearch['match'];
  if (filters.q) {
    const c = classifyQuery(filters.q);
    if ('normalized' in c) {
      match = {
        column: c.kind === 'idNumber' ? 'id_number_hash' : 'phone_hash',
        value: pii.lookupHash(c.normalized),
      };
    } else {
      match = { column: c.kind, value: c.text };
    }
  }
  return {
    scope: await tagScope(db, actor, filters.tag),
    underPath,
    tag: filters.tag,
    residence: filters.residence,
    status: filters.status,
    match,
  };
}

/** Filtering by a sensitive tag searches only where the actor may see it; elsewhere the tag does not exist. */
async function tagScope(db: PeopleDeps['db'], actor: Actor, tag: string | undefined) {
  const sensitive = tag !== undefined && (await repo.listTags(db)).some((t) => t.code === tag && t.sensitive);
  if (!sensitive) return scopeOf(actor, 'people:read');
  if (maySeeSensitiveTags(actor)) return scopeOf(actor, 'people:sensitive');
  throw new AppError('RESIDENT_TAG_UNKNOWN', { tags: [tag] });
}

async function search(deps: PeopleDeps, actor: Actor, query: ResidentQueryT) {
  const spec = await searchSpec(deps, actor, query);
  const { rows, total } = await repo.searchResidents(deps.db, spec, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await present(deps, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

async function getResident(deps: PeopleDeps, actor: Actor, id: string) {
  const row = await visible(deps, actor, id);
  const [presented] = await present(deps, actor, [row]);
  const history = (await repo.listEvents(deps.db, id)).map((e) => ({
    kind: e.kind,
    note: e.note,
    at: new Date(e.at).toISOString(),
    actorName: e.actor_name,
    fromAddress: e.from_address,
    toAddress: e.to_address,
  }));
  return { ...presented, history };
}

/** One full value, to fewer roles, audited with the reason. */
async function reveal(deps: PeopleDeps, actor: Actor, residentId: string, field: 'idNumber' | 'phone', reason: string) {
  const { db, clock, pii } = deps;
  const row = await visible(deps, actor, residentId);
  assertMayReveal(actor, row.household_path);
  const sealed = await repo.sealedField(db, residentId, field === 'idNumber' ? 'id_number_enc' : 'phone_enc');
  const value = sealed ? (field === 'idNumber' ? sealed.id_number_enc : sealed.phone_enc) : null;
  if (!value) throw new AppError('REVEAL_NOTHING');
  const now = clock.now();
  await db.transaction().execute((trx) =>
    recordAudit(
      trx,
      actor,
      {
        action: 'resident.reveal',
        entityType: 'resident',
        entityId: residentId,
        tenantId: row.tenant_id,
        after: { field, reason },
      },
      now,
    ),
  );
  return { field, value: pii.decrypt(value) };
}

const activeLabels = async ({ db }: PeopleDeps, actor: Actor) =>
  (await visibleTags(db, actor, 'zh-CN')).filter((t) => t.active).map((t) => t.label);

async function householdSummaries({ db }: PeopleDeps, actor: Actor, underCode: string) {
  const place = (await resolveUnder(db, actor, 'people:read', underCode))!;
  const all = await repo.listTags(db);
  const needsVisit = new Set(all.filter((t) => t.needs_visit).map((t) => t.code));
  const hidden = hiddenTagCodes(all, actor, place.path);
  const rows = await repo.householdSummaries(db, place.path, scopeOf(actor, 'people:read'));
  return rows.map((r) => ({
    code: r.code,
    members: r.members,
    tags: withoutHidden(r.tags, hidden),
    needsVisit: withoutHidden(r.tags, hidden).some((t) => needsVisit.has(t)),
    lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at).toISOString() : null,
  }));
}

/** The import template (.xlsx) with today's tags. */
async function importTemplate(deps: PeopleDeps, actor: Actor) {
  assertMayImport(actor);
  return templateWorkbook(await activeLabels(deps, actor));
}

/** The filtered list as .xlsx (masked), read in batches so memory stays flat. */
async function exportResidents(deps: PeopleDeps, actor: Actor, filters: ResidentFiltersT) {
  const spec = await searchSpec(deps, actor, filters);
  const gridNames = new Map<string, string>();
  const allTags: TagRow[] = await repo.listTags(deps.db);
  const tagLabels = new Map(allTags.map((t) => [t.code, t.label_zh]));
  async function* rows() {
    for await (const batch of repo.allResidents(deps.db, spec)) {
      const missing = [
        ...new Set(
          batch.map((r) => gridCodeOfPath(r.household_path)).filter((g): g is string => !!g && !gridNames.has(g)),
        ),
      ];
      for (const g of await repo.gridNames(deps.db, missing)) gridNames.set(g.code, g.name);
      yield batch.map((r) => ({
        name: r.name,
        gender: r.gender,
        birthDate: dateText(r.birth_date),
        idNumber: r.id_number_masked,
        phone: r.phone_masked,
        address: r.address,
        grid: gridNames.get(gridCodeOfPath(r.household_path) ?? '') ?? '',
        relation: r.relation as 'other',
        residence: r.residence as 'registered',
        tags: withoutHidden(r.tags, hiddenTagCodes(allTags, actor, r.household_path))
          .map((t) => tagLabels.get(t) ?? t)
          .join('、'),
        status: r.status as 'active',
      }));
    }
  }
  return exportWorkbook(rows());
}

export function createPeopleService(deps: PeopleDeps) {
  return {
    search: (actor: Actor, query: ResidentQueryT) => search(deps, actor, query),
    get: (actor: Actor, id: string) => getResident(deps, actor, id),
    register: (actor: Actor, input: ResidentInputT) => registerResident(deps, actor, input),
    update: (actor: Actor, id: string, input: ResidentUpdateT) => updateResident(deps, actor, id, input),
    changeResidence: (actor: Actor, id: string, change: ResidenceChange) => changeResidence(deps, actor, id, change),
    reveal: (actor: Actor, id: string, field: 'idNumber' | 'phone', reason: string) =>
      reveal(deps, actor, id, field, reason),
    tags: (actor: Actor, locale: Locale) => visibleTags(deps.db, actor, locale),
    createTag: (actor: Actor, input: TagInputT) => createTag(deps, actor, input),
    updateTag: (actor: Actor, code: string, input: TagUpdateT) => updateTag(deps, actor, code, input),
    householdSummaries: (actor: Actor, underCode: string) => householdSummaries(deps, actor, underCode),
    importTemplate: (actor: Actor) => importTemplate(deps, actor),
    exportResidents: (actor: Actor, filters: ResidentFiltersT) => exportResidents(deps, actor, filters),
    importResidents: createResidentImport(deps),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
