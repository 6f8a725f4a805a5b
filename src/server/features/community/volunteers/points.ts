import type { Executor } from '../../../platform/audit.js';
import { awardPoints, pointsRate } from '../../../platform/community/points.js';

// Points for taking part, through the ledger's one door (idempotent per signup and rule): 参加活动
// at check-in (the activity's own points when set, else the community's rate), 志愿服务时长 per hour
// at check-out.

type Activity = { tenant_id: string; community_id: string; attend_points: number | null };

export async function awardCheckin(
  trx: Executor,
  a: Activity,
  p: { signupId: string; userId: string; by: string | null },
  now: Date,
) {
  let quantity = 1;
  if (a.attend_points !== null) {
    if (a.attend_points === 0) return;
    const rate = await pointsRate(trx, a.community_id, 'activity_attended');
    if (rate <= 0) return;
    quantity = a.attend_points / rate;
  }
  await awardPoints(
    trx,
    {
      tenantId: a.tenant_id,
      holder: { userId: p.userId },
      communityId: a.community_id,
      rule: 'activity_attended',
      source: { kind: 'activity_signup', id: p.signupId },
      createdBy: p.by,
      quantity,
    },
    now,
  );
}

export async function awardHours(
  trx: Executor,
  a: Activity,
  p: { signupId: string; userId: string; minutes: number; by: string | null },
  now: Date,
) {
  if (p.minutes <= 0) return;
  await awardPoints(
    trx,
    {
      tenantId: a.tenant_id,
      holder: { userId: p.userId },
      communityId: a.community_id,
      rule: 'volunteer_hours',
      source: { kind: 'activity_signup', id: p.signupId },
      createdBy: p.by,
      quantity: p.minutes / 60,
    },
    now,
  );
}

export async function awardAttendance(
  trx: Executor,
  a: Activity,
  p: { signupId: string; userId: string; minutes: number; by: string | null },
  now: Date,
) {
  await awardCheckin(trx, a, p, now);
  await awardHours(trx, a, p, now);
}
