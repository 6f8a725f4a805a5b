import { recordAudit } from '../../platform/audit.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { findByCode } from '../places/index.js';
import { assertMayReadOrgs, assertMayWriteOrgsAt } from './policy.js';
import * as repo from './repository.js';
import type { TeamQueryT, VolunteerTeamInputT, VolunteerTeamUpdateT } from './schemas.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** The same deps as the roster service's (service.ts builds both). */
interface OrgsDeps {
  db: Db;
  clock: Clock;
}

// 志愿服务队: a community's or street's volunteer team. Cases can be sent to it (上门服务); its
// leader and members — users with the volunteer role in that community or street — work them.

/** Teams in scope; with `serving`, the teams a case at that place may be sent to (its community or street). */
export async function listTeams(deps: OrgsDeps, actor: Actor, q: TeamQueryT) {
  assertMayReadOrgs(actor);
  const under = await resolveUnder(deps.db, actor, 'orgs:read', q.under);
  const serving = await resolveUnder(deps.db, actor, 'orgs:read', q.serving);
  const rows = await repo.listTeams(deps.db, {
    scope: scopeOf(actor, 'orgs:read'),
    underPath: under?.path ?? null,
    servingPath: serving?.path ?? null,
  });
  const members = await repo.teamMembers(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    place: { code: r.place_code, name: r.place_name },
    leader: r.leader_user_id ? { id: r.leader_user_id, name: r.leader_name ?? '' } : null,
    members: members
      .filter((m) => m.team_id === r.id)
      .map((m) => ({ id: m.id, name: m.display_name, phone: m.phone_masked })),
  }));
}

/** Volunteer accounts of a community or street: who may lead or join a team there. */
export async function teamCandidates(deps: OrgsDeps, actor: Actor, placeCode: string) {
  const place = await teamPlace(deps, actor, placeCode);
  return (await repo.volunteerUsers(deps.db, place.path)).map((u) => ({
    id: u.id,
    name: u.display_name,
    phone: u.phone_masked,
    place: u.place_name,
  }));
}

async function teamPlace(deps: OrgsDeps, actor: Actor, code: string) {
  const place = await findByCode(deps.db, code);
  if (!place || place.status !== 'active') throw new AppError('NOT_FOUND', { placeCode: code });
  assertMayWriteOrgsAt(actor, place.path);
  if (place.kind !== 'community' && place.kind !== 'street') throw invalid('placeCode', 'notFound');
  return place;
}

/** The leader and members must hold volunteer accounts in the team's community or street. */
async function checkedPeople(deps: OrgsDeps, path: string, input: VolunteerTeamUpdateT) {
  const ids = [...new Set(input.memberUserIds)];
  const wanted = input.leaderUserId ? [...new Set([...ids, input.leaderUserId])] : ids;
  const found = new Set((await repo.volunteerUsers(deps.db, path, wanted)).map((u) => u.id));
  if (input.leaderUserId && !found.has(input.leaderUserId)) throw invalid('leaderUserId', 'notVolunteerHere');
  const stranger = ids.findIndex((id) => !found.has(id));
  if (stranger >= 0) throw invalid(`memberUserIds.${stranger}`, 'notVolunteerHere');
  return ids;
}

export async function createTeam(deps: OrgsDeps, actor: Actor, input: VolunteerTeamInputT) {
  const place = await teamPlace(deps, actor, input.placeCode);
  const members = await checkedPeople(deps, place.path, input);
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertTeam(trx, {
      id,
      tenant_id: place.tenant_id!,
      place_id: place.id,
      name: input.name,
      leader_user_id: input.leaderUserId,
      phone: input.phone,
      created_at: now,
    });
    await repo.replaceTeamMembers(
      trx,
      id,
      members.map((user_id) => ({ team_id: id, user_id, tenant_id: place.tenant_id!, created_at: now })),
    );
    const audit = { action: 'volunteerTeam.create', entityType: 'volunteerTeam', entityId: id };
    await recordAudit(trx, actor, { ...audit, tenantId: place.tenant_id!, after: { ...input } }, now);
  });
  return { id };
}

export async function updateTeam(deps: OrgsDeps, actor: Actor, id: string, input: VolunteerTeamUpdateT) {
  const team = await repo.findTeam(deps.db, id);
  if (!team) throw new AppError('NOT_FOUND');
  assertMayWriteOrgsAt(actor, team.path);
  const members = await checkedPeople(deps, team.path, input);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateTeam(trx, id, { name: input.name, phone: input.phone, leader_user_id: input.leaderUserId });
    await repo.replaceTeamMembers(
      trx,
      id,
      members.map((user_id) => ({ team_id: id, user_id, tenant_id: team.tenant_id, created_at: now })),
    );
    const audit = { action: 'volunteerTeam.update', entityType: 'volunteerTeam', entityId: id };
    await recordAudit(
      trx,
      actor,
      { ...audit, tenantId: team.tenant_id, before: { name: team.name }, after: { ...input } },
      now,
    );
  });
  return { id };
}
