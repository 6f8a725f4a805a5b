import type { ActivityState } from '../../../platform/db/schema-volunteers.js';

// 志愿活动's life, as one table: draft → published (报名开放) → finished (结束, after it ran) |
// cancelled (取消, with a reason). Every action is the community staff's (community:manage at the
// activity's community); the console reads the same table for its buttons.

export const activityActions = ['publish', 'finish', 'cancel'] as const;
export type ActivityAction = (typeof activityActions)[number];
export const activityStates: readonly ActivityState[] = ['draft', 'published', 'finished', 'cancelled'];

export interface ActivityTransition {
  from: readonly ActivityState[];
  to: ActivityState;
  /** who may: the permission held at the activity's community */
  permission: 'community:manage';
  /** finish waits for the activity's end; cancel needs a reason */
  needs: 'ended' | 'reason' | null;
}

export const activityTransitions: Record<ActivityAction, ActivityTransition> = {
  publish: { from: ['draft'], to: 'published', permission: 'community:manage', needs: null },
  finish: { from: ['published'], to: 'finished', permission: 'community:manage', needs: 'ended' },
  cancel: { from: ['draft', 'published'], to: 'cancelled', permission: 'community:manage', needs: 'reason' },
};

/** The transition of an action from a state, or null when it is out of turn. */
export const activityTransition = (state: ActivityState, action: ActivityAction): ActivityTransition | null => {
  const t = activityTransitions[action];
  return t.from.includes(state) ? t : null;
};

/** The actions an activity in this state offers. */
export const activityActionsFrom = (state: ActivityState): ActivityAction[] =>
  activityActions.filter((a) => activityTransitions[a].from.includes(state));

/** Sign-up, check-in and check-out are open only while the activity is published. */
export const acceptsPeople = (state: ActivityState): boolean => state === 'published';
