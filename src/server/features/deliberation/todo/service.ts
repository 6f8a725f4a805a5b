import type { AppDeps } from '../../../deps.js';
import { can, type Actor } from '../../../platform/policy.js';
import { chinaDay } from '../../../../shared/hall.js';
import { createHonoursService } from '../../community/honours/index.js';
import { createPublicNoticesService } from '../../notices/index.js';
import { meetingReads } from '../meetings/index.js';
import { supervisorReads } from '../supervisors/index.js';
import { listTopics } from '../topics/index.js';
import { createVotesService } from '../votes/index.js';
import type { DecideTodoKind, DecideTodoT } from './schemas.js';

// 居民议事待办 for the console's workbench: what waits for the user in deliberation, counted with each
// area's own list (its scope, and the actions it says the user may take); a kind shows only to those who
// hold the permission its work needs. Reads one after another: PGlite has one connection.

export function createDecideTodoService(deps: AppDeps) {
  const meetings = meetingReads(deps);
  const supervisors = supervisorReads(deps);
  const votes = createVotesService(deps);
  const notices = createPublicNoticesService(deps);
  const honours = createHonoursService(deps);

  /** Open tasks of held (or running) meetings the user may mark done, due by the end of today. */
  async function tasksDue(actor: Actor, day: string) {
    let n = 0;
    for (const m of await meetings.list(actor)) {
      if (m.state !== 'held' && m.state !== 'in_progress') continue;
      const detail = await meetings.get(actor, m.id);
      for (const item of detail.items)
        n += item.tasks.filter((t) => t.actions.includes('done') && chinaDay(new Date(t.dueAt)) <= day).length;
    }
    return n;
  }

  /** Objections without an answer in publicised or published campaigns the user manages. */
  async function objectionsToAnswer(actor: Actor) {
    let n = 0;
    for (const k of await honours.list(actor, {})) {
      if (k.state !== 'publicising' && k.state !== 'published') continue;
      const detail = await honours.get(actor, k.id);
      if (detail.viewer.manages) n += detail.objections.filter((o) => o.answeredAt === null).length;
    }
    return n;
  }

  /** Supervisors' issues not yet made a case or a whistle, in projects the user manages. */
  async function issuesToHandle(actor: Actor) {
    let n = 0;
    for (const p of await supervisors.list(actor, undefined, undefined)) {
      if (p.issues === 0) continue;
      const detail = await supervisors.detail(actor, p.id);
      if (detail.mayManage) n += detail.issueList.filter((i) => i.state === 'raised').length;
    }
    return n;
  }

  async function todo(actor: Actor): Promise<DecideTodoT> {
    const now = deps.clock.now();
    const day = chinaDay(now);
    const items: DecideTodoT['items'] = [];
    const add = (kind: DecideTodoKind, count: number) => items.push({ kind, count });

    if (can(actor, 'deliberation:manage')) {
      const screening = await listTopics(deps.db, actor, { state: 'screening' });
      add('topicsToScreen', screening.items.filter((t) => t.actions.includes('accept')).length);
      add('tasksDue', await tasksDue(actor, day));
    }
    if (can(actor, 'notices:approve')) {
      const pending = await notices.list(actor, { tab: 'pending' });
      add('noticesToApprove', pending.filter((x) => x.actions.includes('approve')).length);
    }
    if (can(actor, 'honours:manage')) add('objectionsToAnswer', await objectionsToAnswer(actor));
    if (can(actor, 'deliberation:manage')) {
      const open = await votes.list(actor, { state: 'open' });
      add('votesToClose', open.filter((v) => v.closesAt !== null && new Date(v.closesAt) <= now).length);
      add('issuesToHandle', await issuesToHandle(actor));
    }
    return { day, items };
  }

  return { todo };
}

export type DecideTodoService = ReturnType<typeof createDecideTodoService>;
