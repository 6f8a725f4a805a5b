import ExcelJS from 'exceljs';
import type { VoteResult } from '../../../../shared/decide.js';
import { maskName } from '../../../../shared/identity.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { homeCommunityOf, registryResidentsOf } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import {
  cancelVote,
  castByPhone,
  checkReceipt,
  closeVote,
  createVote,
  electorsOfUser,
  openVote,
  parseResult,
  recordPaper,
} from '../../../platform/decide/votes.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { can, type Actor } from '../../../platform/policy.js';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import { actionsOn, assertManages, assertUser, votesShownTo } from './policy.js';
import * as repo from './repository.js';
import type { VoteInputT } from './schemas.js';

// 表决 · the console (list, draft, open, close, cancel, the roll, paper ballots, results), the
// resident's phone (my votes, cast, receipt check) and the public page. One transaction and one audit
// row per operation; ballots and rolls are written by the kernel only. Counts leave this service only
// inside a closed vote's result.

export interface VotesDeps {
  db: Db;
  clock: Clock;
}

type VoteRow = NonNullable<Awaited<ReturnType<typeof repo.findVote>>>;
type OptionRow = Awaited<ReturnType<typeof repo.optionsOf>>[number];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const resultOf = (v: { state: string; result: unknown }): VoteResult | null =>
  v.state === 'closed' && v.result ? parseResult(v.result) : null;

const presentRow = (v: VoteRow) => ({
  id: v.id,
  title: v.title,
  communityName: v.community_name,
  placeName: v.place_name,
  subjectKind: v.subject_kind,
  method: v.method,
  electorate: v.electorate,
  secret: v.secret,
  state: v.state,
  opensAt: iso(v.opens_at),
  closesAt: iso(v.closes_at),
  eligible: v.eligible_count,
  voted: Number(v.voted),
  passed: resultOf(v)?.passed ?? null,
});

const presentOptions = (options: OptionRow[], voteId: string) =>
  options.filter((o) => o.vote_id === voteId).map((o) => ({ id: o.id, position: o.position, label: o.label }));

type Rest<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;

async function voteInScope(deps: VotesDeps, actor: Actor, id: string, ex: Executor = deps.db): Promise<VoteRow> {
  const vote = await repo.findVote(ex, id);
  if (!vote) throw new AppError('NOT_FOUND');
  assertManages(actor, vote.scope_path);
  return vote;
}

async function detailOf(deps: VotesDeps, actor: Actor, vote: VoteRow) {
  const options = await repo.optionsOf(deps.db, [vote.id]);
  return {
    ...presentRow(vote),
    placeCode: vote.place_code,
    description: vote.description,
    options: presentOptions(options, vote.id),
    maxChoices: vote.max_choices,
    seats: vote.seats,
    allowPhone: vote.allow_phone,
    allowPaper: vote.allow_paper,
    quorumPercent: vote.quorum_percent,
    majority: vote.majority,
    cancelReason: vote.cancel_reason,
    result: resultOf(vote),
    actions: actionsOn(actor, vote),
  };
}

/** The place of a vote: a community, grid or building in the actor's scope. */
async function placeFor(actor: Actor, code: string, ex: Executor) {
  const place = await repo.findPlace(ex, code);
  if (!place?.tenant_id || !['community', 'grid', 'building'].includes(place.kind)) throw new AppError('NOT_FOUND');
  assertManages(actor, place.path);
  const community = await repo.communityAbove(ex, place.path);
  if (!community) throw new AppError('NOT_FOUND');
  return { place, community, tenantId: place.tenant_id };
}

function assertTimes(input: VoteInputT, now: Date) {
  if (new Date(input.closesAt) <= now) throw new AppError('VOTE_TIMES_INVALID');
}

/** The standalone vote's ballots by the options the console typed; yes/no/abstain has its fixed three. */
const optionSpec = (input: VoteInputT) =>
  input.method === 'options' ? input.options.map((label) => ({ label, refId: null })) : undefined;

export async function list(
  deps: VotesDeps,
  actor: Actor,
  query: { state?: VoteRow['state'] | undefined; communityCode?: string | undefined },
) {
  const { db } = deps;
  let communityPath: string | undefined;
  if (query.communityCode) {
    const place = await repo.findPlace(db, query.communityCode);
    if (!place) return [];
    communityPath = place.path;
  }
  const rows = await repo.listVotes(db, votesShownTo(actor), { state: query.state, communityPath });
  return rows.map(presentRow);
}

export async function create(deps: VotesDeps, actor: Actor, input: VoteInputT) {
  const { db, clock } = deps;
  const now = clock.now();
  assertTimes(input, now);
  return db.transaction().execute(async (trx) => {
    const { place, community, tenantId } = await placeFor(actor, input.placeCode, trx);
    const id = await createVote(
      trx,
      {
        tenantId,
        communityId: community.id,
        scopePlaceId: place.id,
        subject: { kind: 'standalone', id: null },
        title: input.title,
        description: input.description,
        method: input.method,
        options: optionSpec(input),
        maxChoices: input.maxChoices,
        seats: input.seats,
        secret: input.secret,
        electorate: input.electorate,
        allowPhone: input.allowPhone,
        allowPaper: input.allowPaper,
        quorumPercent: input.quorumPercent,
        majority: input.majority,
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        closesAt: new Date(input.closesAt),
        createdBy: actor.userId!,
      },
      now,
    );
    await recordAudit(
      trx,
      actor,
      { action: 'vote.created', entityType: 'vote', entityId: id, tenantId, after: { title: input.title } },
      now,
    );
    return { id, state: 'draft' };
  });
}

export async function detail(deps: VotesDeps, actor: Actor, id: string) {
  return detailOf(deps, actor, await voteInScope(deps, actor, id));
}

export async function edit(deps: VotesDeps, actor: Actor, id: string, input: VoteInputT) {
  const { db, clock } = deps;
  const now = clock.now();
  assertTimes(input, now);
  await db.transaction().execute(async (trx) => {
    const vote = await voteInScope(deps, actor, id, trx);
    if (vote.state !== 'draft' || vote.subject_kind !== 'standalone') throw new AppError('VOTE_OPTIONS_LOCKED');
    const { place, community } = await placeFor(actor, input.placeCode, trx);
    const yesNo = input.method === 'yes_no_abstain';
    const updated = await repo.updateDraft(trx, id, {
      scope_place_id: place.id,
      scope_path: place.path,
      community_id: community.id,
      title: input.title,
      description: input.description,
      method: input.method,
      max_choices: yesNo ? 1 : input.maxChoices,
      seats: yesNo ? 1 : input.seats,
      secret: input.secret,
      electorate: input.electorate,
      allow_phone: input.allowPhone,
      allow_paper: input.allowPaper,
      quorum_percent: input.quorumPercent,
      majority: input.majority,
      opens_at: input.opensAt ? new Date(input.opensAt) : null,
      closes_at: new Date(input.closesAt),
    });
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VOTE_OPTIONS_LOCKED');
    const labels = yesNo ? ['同意', '反对', '弃权'] : input.options;
    await repo.deleteOptions(trx, id);
    await repo.insertOptions(
      trx,
      labels.map((label, i) => ({
        id: newId(),
        tenant_id: vote.tenant_id,
        vote_id: id,
        position: i + 1,
        label,
        ref_id: null,
      })),
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'vote.edited',
        entityType: 'vote',
        entityId: id,
        tenantId: vote.tenant_id,
        after: { title: input.title },
      },
      now,
    );
  });
  return detail(deps, actor, id);
}

export async function act(deps: VotesDeps, actor: Actor, id: string, action: 'open' | 'close') {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const vote = await voteInScope(deps, actor, id, trx);
    if (action === 'open') await openVote(trx, id, actor.userId!, now);
    else await closeVote(trx, id, actor.userId, now);
    await recordAudit(
      trx,
      actor,
      {
        action: `vote.${action === 'open' ? 'opened' : 'closed'}`,
        entityType: 'vote',
        entityId: id,
        tenantId: vote.tenant_id,
      },
      now,
    );
  });
  return detail(deps, actor, id);
}

export async function cancel(deps: VotesDeps, actor: Actor, id: string, reason: string) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const vote = await voteInScope(deps, actor, id, trx);
    await cancelVote(trx, id, actor.userId!, reason, now);
    await recordAudit(
      trx,
      actor,
      { action: 'vote.cancelled', entityType: 'vote', entityId: id, tenantId: vote.tenant_id, after: { reason } },
      now,
    );
  });
  return detail(deps, actor, id);
}

/** Who voted and how (phone or paper), never what; names masked; `q` finds a room or a masked name. */
export async function roll(deps: VotesDeps, actor: Actor, id: string, q?: string) {
  const { db } = deps;
  const vote = await voteInScope(deps, actor, id);
  const rows = await repo.rollOf(db, vote.id);
  const all = rows.map((r) => ({
    electorId: r.elector_id,
    name: r.name ? maskName(r.name) : r.room,
    room: r.room,
    voted: r.voted_at !== null,
    channel: r.channel,
  }));
  const needle = q?.trim();
  const items = needle ? all.filter((e) => e.room.includes(needle) || e.name.includes(needle)) : all;
  return {
    eligible: all.length,
    voted: all.filter((e) => e.voted).length,
    phone: all.filter((e) => e.channel === 'phone').length,
    paper: all.filter((e) => e.channel === 'paper').length,
    items: items.slice(0, 300),
  };
}

/** 纸质票录入: staff record the ballot a named elector of the roll handed in. */
export async function paper(
  deps: VotesDeps,
  actor: Actor,
  id: string,
  input: { electorId: string; optionIds: string[] },
) {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const vote = await voteInScope(deps, actor, id, trx);
    const receipt = await recordPaper(trx, id, input.electorId, input.optionIds, actor.userId!, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'vote.paper_recorded',
        entityType: 'vote',
        entityId: id,
        tenantId: vote.tenant_id,
        after: { electorId: input.electorId },
      },
      now,
    );
    return receipt;
  });
}

/** 表决结果 as a workbook, once closed. */
export async function resultsSheet(deps: VotesDeps, actor: Actor, id: string) {
  const vote = await voteInScope(deps, actor, id);
  const result = resultOf(vote);
  if (!result) throw new AppError('VOTE_STATE');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('表决结果');
  sheet.columns = [
    { header: '项目', key: 'label', width: 30 },
    { header: '票数', key: 'votes', width: 12 },
    { header: '结果', key: 'note', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  const winners = new Set(result.winners);
  for (const c of result.counts)
    sheet.addRow(escapeFormulas({ label: c.label, votes: c.votes, note: winners.has(c.optionId) ? '当选/通过' : '' }));
  sheet.addRow({});
  const failure = { no_quorum: '未达到法定参与率', no_majority: '未达到多数', tie: '末位票数相同' } as const;
  for (const [label, value] of [
    ['表决', vote.title],
    ['应参与', result.eligible],
    ['实际投票', result.cast],
    ['参与率(%)', result.turnoutPercent],
    ['结论', result.passed ? '通过' : `未通过（${result.failure ? failure[result.failure] : ''}）`],
  ] as const)
    sheet.addRow(escapeFormulas({ label, votes: value, note: '' }));
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, filename: `表决结果-${vote.title}.xlsx` };
}

/** 我的表决: the votes whose roll holds me (or my household), with whether I voted. */
export async function mine(deps: VotesDeps, actor: Actor) {
  const { db, clock } = deps;
  const userId = assertUser(actor);
  const now = clock.now();
  const records = await registryResidentsOf(db, userId);
  const ids = records.map((r) => r.id);
  const households = await repo.householdsOf(db, ids);
  const rows = await repo.votesOfElectors(db, [...new Set([...ids, ...households.map((h) => h.household_id)])]);
  const byVote = new Map<string, typeof rows>();
  for (const r of rows) byVote.set(r.id, [...(byVote.get(r.id) ?? []), r]);
  const options = await repo.optionsOf(db, [...byVote.keys()]);
  return [...byVote.values()].map((electors) => {
    const v = electors[0]!;
    const mineVoted = electors.find((e) => e.voter_user_id === userId);
    const allVoted = electors.every((e) => e.voted_at !== null);
    const voted = Boolean(mineVoted) || allVoted;
    const takes =
      v.state === 'open' &&
      v.allow_phone &&
      (!v.opens_at || new Date(v.opens_at) <= now) &&
      (!v.closes_at || new Date(v.closes_at) > now);
    return {
      id: v.id,
      title: v.title,
      description: v.description,
      placeName: v.place_name,
      subjectKind: v.subject_kind,
      method: v.method,
      secret: v.secret,
      state: v.state,
      opensAt: iso(v.opens_at),
      closesAt: iso(v.closes_at),
      maxChoices: v.max_choices,
      options: presentOptions(options, v.id),
      voted,
      channel: (mineVoted ?? electors.find((e) => e.voted_at !== null))?.channel ?? null,
      canVote: takes && !voted,
      result: resultOf(v),
    };
  });
}

export async function myVote(deps: VotesDeps, actor: Actor, id: string) {
  const found = (await mine(deps, actor)).find((v) => v.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

export async function cast(deps: VotesDeps, actor: Actor, id: string, optionIds: string[]) {
  const { db, clock } = deps;
  const userId = assertUser(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const vote = await repo.findVote(trx, id);
    if (!vote || vote.state === 'draft') throw new AppError('NOT_FOUND');
    // another community's vote reads as not found (not "not eligible", nor whether it is open)
    if (
      (await electorsOfUser(trx, id, userId)).length === 0 &&
      (await homeCommunityOf(trx, actor))?.id !== vote.community_id
    )
      throw new AppError('NOT_FOUND');
    const receipt = await castByPhone(trx, id, userId, optionIds, now);
    // the audit says THAT this user voted by phone (as the roll does), never what
    await recordAudit(
      trx,
      actor,
      {
        action: 'vote.cast',
        entityType: 'vote',
        entityId: id,
        tenantId: vote.tenant_id,
        after: { channel: 'phone' },
      },
      now,
    );
    return receipt;
  });
}

/** 查验: a voter on the roll learns their receipt was counted; an open (not secret) vote also shows the marks.
 * Anyone else reads the vote as not found, as on 我的表决, so vote ids cannot be probed from outside. */
export async function check(deps: VotesDeps, actor: Actor, id: string, receipt: string) {
  const { db } = deps;
  const userId = assertUser(actor);
  const vote = await repo.findVote(db, id);
  if (!vote || vote.state === 'draft') throw new AppError('NOT_FOUND');
  if (!can(actor, 'deliberation:manage', vote.scope_path) && (await electorsOfUser(db, id, userId)).length === 0)
    throw new AppError('NOT_FOUND');
  return checkReceipt(db, id, receipt);
}

/** The public page: open votes with turnout so far, and the results of those closed in the last 90 days. */
export async function publicList(deps: VotesDeps, code: string) {
  const { db, clock } = deps;
  const community = await repo.findCommunityByCode(db, code);
  if (!community) throw new AppError('NOT_FOUND');
  const since = new Date(clock.now().getTime() - 90 * 86_400_000);
  const rows = await repo.publicVotes(db, community.id, since);
  return {
    community: community.name,
    open: rows
      .filter((r) => r.state === 'open')
      .map((r) => ({
        id: r.id,
        title: r.title,
        closesAt: iso(r.closes_at),
        eligible: r.eligible_count ?? 0,
        voted: Number(r.voted),
      })),
    closed: rows.flatMap((r) => {
      const result = resultOf(r);
      return result ? [{ id: r.id, title: r.title, closedAt: iso(r.closed_at), result }] : [];
    }),
  };
}

export function createVotesService(deps: VotesDeps) {
  return {
    list: (...a: Rest<typeof list>) => list(deps, ...a),
    create: (...a: Rest<typeof create>) => create(deps, ...a),
    detail: (...a: Rest<typeof detail>) => detail(deps, ...a),
    edit: (...a: Rest<typeof edit>) => edit(deps, ...a),
    act: (...a: Rest<typeof act>) => act(deps, ...a),
    cancel: (...a: Rest<typeof cancel>) => cancel(deps, ...a),
    roll: (...a: Rest<typeof roll>) => roll(deps, ...a),
    paper: (...a: Rest<typeof paper>) => paper(deps, ...a),
    resultsSheet: (...a: Rest<typeof resultsSheet>) => resultsSheet(deps, ...a),
    mine: (...a: Rest<typeof mine>) => mine(deps, ...a),
    myVote: (...a: Rest<typeof myVote>) => myVote(deps, ...a),
    cast: (...a: Rest<typeof cast>) => cast(deps, ...a),
    check: (...a: Rest<typeof check>) => check(deps, ...a),
    publicList: (...a: Rest<typeof publicList>) => publicList(deps, ...a),
  };
}

export type VotesService = ReturnType<typeof createVotesService>;
