import { recordAudit } from '../../../platform/audit.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { findByCode } from '../../places/index.js';
import type { AssistanceBaseDeps } from './people.js';
import { assertMayAssist, assertMayManageAt, assistPermission, scopeOfAssist } from './policy.js';
import * as repo from './repository.js';
import type { TeamInputT, TeamUpdateT } from './schemas.js';

// 社区救助顾问服务团: a community's adviser team — community workers, social workers and volunteers
// with accounts in that community (or its street), and a leader among them.

export async function listTeams(deps: AssistanceBaseDeps, actor: Actor, underCode: string | undefined) {
  assertMayAssist(actor);
  const under = await resolveUnder(deps.db, actor, assistPermission, underCode);
  const rows = await repo.listTeams(deps.db, { scope: scopeOfAssist(actor), underPath: under?.path ?? null });
  const members = await repo.teamMembers(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    community: { code: r.community_code, name: r.community_name },
    leader: r.leader_user_id ? { id: r.leader_user_id, name: r.leader_name ?? '' } : null,
    members: members
      .filter((m) => m.team_id === r.id)
      .map((m) => ({ id: m.id, name: m.display_name, kind: m.kind, phone: m.phone_masked })),
    people: r.people,
  }));
}

async function teamCommunity(deps: AssistanceBaseDeps, actor: Actor, code: string) {
  const place = await findByCode(deps.db, code);
  if (!place || place.status !== 'active') throw new AppError('NOT_FOUND', { communityCode: code });
  assertMayManageAt(actor, place.path);
  if (place.kind !== 'community') throw invalid('communityCode', 'notFound');
  return place;
}

/** Staff accounts of a community (or its street) who may serve on its teams. */
export async function candidates(deps: AssistanceBaseDeps, actor: Actor, communityCode: string) {
  const place = await teamCommunity(deps, actor, communityCode);
  const rows = await repo.staffUsers(deps.db, place.path);
  const byUser = new Map<string, { id: string; name: string; phone: string | null; roles: string[] }>();
  for (const r of rows) {
    const found = byUser.get(r.id) ?? { id: r.id, name: r.display_name, phone: r.phone_masked, roles: [] };
    if (!found.roles.includes(r.role)) found.roles.push(r.role);
    byUser.set(r.id, found);
  }
  return [...byUser.values()];
}

/** The leader and members must hold staff accounts in the team's community or above it. */
async function checkedMembers(deps: AssistanceBaseDeps, path: string, input: TeamUpdateT) {
  const ids = input.members.map((m) => m.userId);
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0) throw invalid(`members.${repeated}.userId`, 'notPlaceStaff');
  const wanted = input.leaderUserId ? [...new Set([...ids, input.leaderUserId])] : ids;
  const found = new Set((await repo.staffUsers(deps.db, path, wanted)).map((u) => u.id));
  if (input.leaderUserId && !found.has(input.leaderUserId)) throw invalid('leaderUserId', 'notPlaceStaff');
  const stranger = ids.findIndex((id) => !found.has(id));
  if (stranger >= 0) throw invalid(`members.${stranger}.userId`, 'notPlaceStaff');
  return input.members;
}

export async function createTeam(deps: AssistanceBaseDeps, actor: Actor, input: TeamInputT) {
  const place = await teamCommunity(deps, actor, input.communityCode);
  const members = await checkedMembers(deps, place.path, input);
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertTeam(trx, {
      id,
      tenant_id: place.tenant_id!,
      community_id: place.id,
      name: input.name,
      leader_user_id: input.leaderUserId,
      phone: input.phone,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceTeamMembers(
      trx,
      id,
      members.map((m) => ({
        team_id: id,
        user_id: m.userId,
        kind: m.kind,
        tenant_id: place.tenant_id!,
        created_at: now,
      })),
    );
    const audit = { action: 'assist.team.create', entityType: 'assist_team', entityId: id };
    await recordAudit(trx, actor, { ...audit, tenantId: place.tenant_id!, after: { ...input } }, now);
  });
  return { id };
}

export async function updateTeam(deps: AssistanceBaseDeps, actor: Actor, id: string, input: TeamUpdateT) {
  const team = await repo.findTeam(deps.db, id);
  if (!team) throw new AppError('NOT_FOUND');
  assertMayManageAt(actor, team.path);
  const members = await checkedMembers(deps, team.path, input);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateTeam(trx, id, {
      name: input.name,
      phone: input.phone,
      leader_user_id: input.leaderUserId,
      updated_at: now,
    });
    await repo.replaceTeamMembers(
      trx,
      id,
      members.map((m) => ({
        team_id: id,
        user_id: m.userId,
        kind: m.kind,
        tenant_id: team.tenant_id,
        created_at: now,
      })),
    );
    const onTeam = [...members.map((m) => m.userId), ...(input.leaderUserId ? [input.leaderUserId] : [])];
    await repo.dropLeadsOffTeam(trx, id, onTeam);
    const audit = { action: 'assist.team.update', entityType: 'assist_team', entityId: id };
    await recordAudit(
      trx,
      actor,
      { ...audit, tenantId: team.tenant_id, before: { name: team.name }, after: { ...input } },
      now,
    );
  });
  return { id };
}
