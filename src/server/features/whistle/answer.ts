import type { Selectable, Updateable } from 'kysely';
import { textLength } from '../../../shared/text.js';
import { recordAudit } from '../../platform/audit.js';
import type { SummonsesTable, SummonsRow, WhistlesTable } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { metresBetween } from '../places/index.js';
import { findSummonsTransition, type SummonsAction, type SummonsState } from './lifecycle.js';
import { partiesOf } from './policy.js';
import * as repo from './repository.js';
import type { SummonsActionInputT } from './schemas.js';
import type { WhistleDeps } from './deps.js';
import { partyOf, recordEvent } from './timeline.js';

// Answering a summons (哨令): 接哨, 报到, 处置反馈 by its owner, then the whistler's score. The
// lifecycle table says who may take which step; each step below says what it writes.

interface StepContext {
  actor: Actor;
  summons: SummonsRow;
  whistle: Selectable<WhistlesTable>;
  input: SummonsActionInputT;
  now: Date;
}
/** The columns a step sets besides the state, and the note it leaves on the timeline. */
type Step = (ctx: StepContext) => { changes: Updateable<SummonsesTable>; note: string };

const actionNames: Record<SummonsAction, string> = {
  acknowledge: '接哨',
  checkIn: '报到',
  report: '处置反馈',
  score: '评分',
};

const steps: Record<SummonsAction, Step> = {
  // 首问负责: whoever acknowledges first owns the summons for the department.
  acknowledge: ({ actor, summons, input, now }) => ({
    changes: {
      acknowledged_at: now,
      owner_id: actor.userId,
      owner_name: actor.displayName,
      ack_on_time: now <= new Date(summons.ack_due_at),
    },
    note: input.note ?? '',
  }),
  checkIn: ({ summons, whistle, input, now }) => {
    // A phone that refuses its location still checks in; the record then says so, and nobody is placed on site who was not measured there.
    const located = input.lng !== undefined && input.lat !== undefined;
    const away =
      located && whistle.lng !== null && whistle.lat !== null
        ? metresBetween({ lng: input.lng!, lat: input.lat! }, { lng: whistle.lng, lat: whistle.lat })
        : null;
    const where = located ? (away === null ? '已定位' : `距现场${away}米`) : '未定位';
    return {
      changes: {
        arrived_at: now,
        arrival_lng: located ? input.lng : null,
        arrival_lat: located ? input.lat : null,
        arrive_on_time: now <= new Date(summons.arrive_due_at),
      },
      note: [where, input.note ?? ''].filter(Boolean).join('，'),
    };
  },
  report: ({ input, now }) => {
    if (!input.note || textLength(input.note.trim()) < 2) throw invalid('note', 'resultRequired');
    return { changes: { report_text: input.note, reported_at: now }, note: input.note };
  },
  score: ({ input, now }) => {
    if (!input.score) throw invalid('score', 'scoreOneToFive');
    return {
      changes: { score: input.score, score_comment: input.comment ?? '', scored_at: now },
      note: `${input.score} 分${input.comment ? `：${input.comment}` : ''}`,
    };
  },
};

/** Takes one step on a summons; the last score closes the whistle. */
export async function answerSummons(
  deps: WhistleDeps,
  actor: Actor,
  summonsId: string,
  action: SummonsAction,
  input: SummonsActionInputT,
) {
  return deps.db.transaction().execute(async (trx) => {
    // The row lock makes two receivers who press 接哨 at once queue up: the first wins, the second is told.
    const s = await repo.lockSummons(trx, summonsId);
    if (!s) throw new AppError('NOT_FOUND');
    const w = await repo.getWhistle(trx, s.whistle_id);
    const parties = partiesOf(actor, s, w.place_path);
    if (parties.length === 0) throw new AppError('NOT_FOUND');
    const t = findSummonsTransition(s.state as SummonsState, action, parties);
    if (!t)
      throw new AppError(action === 'acknowledge' && s.owner_id ? 'SUMMONS_TAKEN' : 'ACTION_NOT_ALLOWED', {
        state: s.state,
        action,
        owner: s.owner_name,
      });
    const now = deps.clock.now();
    const { changes, note } = steps[action]({ actor, summons: s, whistle: w, input, now });
    await repo.updateSummons(trx, s.id, { state: t.to, ...changes });
    const party = await partyOf(trx, s);
    await recordEvent(
      trx,
      w,
      s.id,
      action,
      actor,
      `${party.name}${actionNames[action]}${note ? `：${note}` : ''}`,
      now,
    );
    if (action === 'score' && (await repo.unscoredSummonsesBesides(trx, w.id, s.id)).length === 0)
      await repo.closeWhistle(trx, w.id, now);
    await recordAudit(
      trx,
      actor,
      {
        action: `summons.${action}`,
        entityType: 'summons',
        entityId: s.id,
        tenantId: s.tenant_id,
        before: { state: s.state },
        after: { state: t.to, note },
      },
      now,
    );
    return { id: s.id, state: t.to };
  });
}
