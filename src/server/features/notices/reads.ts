import type { NoticeKind, NoticeState } from '../../../shared/decide-notices.js';
import { homeCommunityOf, registryResidentsOf } from '../../platform/community/person.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { can, type Actor } from '../../platform/policy.js';
import { isUnder } from '../../platform/scope.js';
import type { FileStorage } from '../../platform/storage.js';
import { assertSees, isNoticeStaff, noticeStaffPaths } from './policy.js';
import { presentFeedItem, presentNotice, presentPublic, type FileMap, type NoticeRow } from './present.js';
import * as repo from './repository.js';

// 五公开, the reading side: the staff lists and archive, one notice with its history and read
// stats, a resident's notices (community, grid, building) with the unread badge, and the public
// board of a community (published only, no login).

export interface NoticesDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
}

const tabStates: Record<string, NoticeState[]> = {
  drafts: ['draft', 'returned'],
  pending: ['pending'],
  published: ['published'],
  archive: ['published', 'withdrawn'],
};

export async function fileMap(db: Db, rows: { attachment_ids: string[] }[]): Promise<FileMap> {
  const ids = [...new Set(rows.flatMap((r) => r.attachment_ids))];
  return new Map((await repo.filesByIds(db, ids)).map((f) => [f.id, f]));
}

/** The places the actor's home lies in: the community, and their grid and building from the registry. */
export async function homesOf(db: Db, actor: Actor) {
  const home = await homeCommunityOf(db, actor);
  if (!home || !actor.userId) return null;
  const households = (await registryResidentsOf(db, actor.userId))
    .map((r) => r.household_path)
    .filter((p) => isUnder(p, home.path));
  return { community: home, paths: [home.path, ...households] };
}

/** The notice if this actor sees it: staff of its place, or a resident it is published for. */
export async function loadNotice(db: Db, actor: Actor, id: string) {
  const notice = await repo.findNotice(db, id);
  if (!notice) throw new AppError('NOT_FOUND');
  if (isNoticeStaff(actor, notice.place_path)) return { notice, staff: true };
  assertSees(notice.state === 'published' && (await residentSees(db, actor, notice)));
  return { notice, staff: false };
}

async function residentSees(db: Db, actor: Actor, n: NoticeRow) {
  const homes = await homesOf(db, actor);
  return homes !== null && homes.community.id === n.community_id && homes.paths.some((p) => isUnder(p, n.place_path));
}

export async function staffList(
  deps: NoticesDeps,
  actor: Actor,
  q: { tab?: string; kind?: NoticeKind; year?: number; placeId?: string },
) {
  const paths = noticeStaffPaths(actor);
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  let under: string | null = null;
  if (q.placeId) {
    const place = await repo.placeById(deps.db, q.placeId);
    if (!place || !isNoticeStaff(actor, place.path)) throw new AppError('NOT_FOUND');
    under = place.path;
  }
  const rows = await repo.listNotices(deps.db, {
    paths,
    states: q.tab ? tabStates[q.tab]! : null,
    kind: q.kind ?? null,
    year: q.year ?? null,
    under,
    limit: 500,
  });
  const files = await fileMap(deps.db, rows);
  const audiences = new Map(
    (await repo.audiencesOf(deps.db, [...new Set(rows.map((r) => r.place_path))])).map((a) => [a.path, Number(a.n)]),
  );
  return rows.map((n) => presentNotice(n, actor, files, audiences.get(n.place_path) ?? 0));
}

export async function archive(deps: NoticesDeps, actor: Actor) {
  const paths = noticeStaffPaths(actor);
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return (await repo.archiveCounts(deps.db, paths)).map((r) => ({
    year: r.published_year!,
    kind: r.kind,
    count: Number(r.n),
  }));
}

/** 发布范围: the community, grids and buildings where the actor may write notices. */
export async function targetPlaces(deps: NoticesDeps, actor: Actor) {
  const paths = noticeStaffPaths(actor).filter((p) => can(actor, 'notices:write', p));
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return (await repo.targetPlaces(deps.db, paths, 1000)).map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    parentName: p.kind === 'community' ? null : p.parent_name,
  }));
}

/** One notice for the console: staff of its place only (anyone else: 404). */
export async function viewNotice(deps: NoticesDeps, actor: Actor, id: string) {
  const notice = await repo.findNotice(deps.db, id);
  assertSees(notice !== undefined && isNoticeStaff(actor, notice.place_path));
  const files = await fileMap(deps.db, [notice!]);
  const history = (await repo.eventsOf(deps.db, id)).map((e) => ({
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    actorName: e.actor_name,
    reason: e.reason,
    at: new Date(e.at).toISOString(),
  }));
  const audience = await repo.audienceOf(deps.db, notice!.place_path);
  return { ...presentNotice(notice!, actor, files, audience), history };
}

/** 我的公开: the notices for my place, newest first, and how many I have not read. */
export async function feed(deps: NoticesDeps, actor: Actor) {
  const homes = await homesOf(deps.db, actor);
  if (!homes) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const rows = await repo.feedNotices(deps.db, homes.community.id, homes.paths, actor.userId!, 200);
  const files = await fileMap(deps.db, rows);
  const items = rows.map((n) => presentFeedItem(n, files));
  return { items, unread: items.filter((i) => !i.read).length };
}

/** A resident opens a notice for their place: it counts as read, once per user however often opened. */
export async function readNotice(deps: NoticesDeps, actor: Actor, id: string) {
  const notice = await repo.findNotice(deps.db, id);
  assertSees(notice !== undefined && notice.state === 'published' && (await residentSees(deps.db, actor, notice)));
  await repo.insertRead(deps.db, {
    notice_id: id,
    user_id: actor.userId!,
    tenant_id: notice!.tenant_id,
    read_at: deps.clock.now(),
  });
  return { ...presentFeedItem(notice!, await fileMap(deps.db, [notice!])), read: true };
}

async function fileBytes(deps: NoticesDeps, notice: NoticeRow, fileId: string) {
  if (!notice.attachment_ids.includes(fileId)) throw new AppError('NOT_FOUND');
  const [file] = await repo.filesByIds(deps.db, [fileId]);
  const bytes = file ? await deps.storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: file.mime };
}

export async function attachment(deps: NoticesDeps, actor: Actor, id: string, fileId: string) {
  const { notice } = await loadNotice(deps.db, actor, id);
  return fileBytes(deps, notice, fileId);
}

// ---- public (no login)

async function publicCommunity(deps: NoticesDeps, code: string) {
  const community = await repo.activeCommunityByCode(deps.db, code);
  if (!community) throw new AppError('NOT_FOUND');
  return community;
}

async function publicNotice(deps: NoticesDeps, code: string, id: string) {
  const community = await publicCommunity(deps, code);
  const notice = await repo.findNotice(deps.db, id);
  if (!notice || notice.community_id !== community.id || notice.state !== 'published') throw new AppError('NOT_FOUND');
  return notice;
}

export async function publicList(deps: NoticesDeps, code: string, q: { kind?: NoticeKind; year?: number }) {
  const community = await publicCommunity(deps, code);
  const rows = await repo.publicNotices(deps.db, {
    communityId: community.id,
    kind: q.kind ?? null,
    year: q.year ?? null,
    limit: 200,
  });
  const files = await fileMap(deps.db, rows);
  return { community: { name: community.name, code: community.code }, items: rows.map((n) => presentPublic(n, files)) };
}

/** One published notice; a visitor without login adds one to the anonymous counter (nothing else is kept). */
export async function publicDetail(deps: NoticesDeps, code: string, id: string, anonymous: boolean) {
  const notice = await publicNotice(deps, code, id);
  if (anonymous) await repo.addAnonymousView(deps.db, id);
  return presentPublic(notice, await fileMap(deps.db, [notice]));
}

export async function publicAttachment(deps: NoticesDeps, code: string, id: string, fileId: string) {
  return fileBytes(deps, await publicNotice(deps, code, id), fileId);
}
