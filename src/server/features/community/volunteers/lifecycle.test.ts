import { describe, expect, it } from 'vitest';
import {
  acceptsPeople,
  activityActions,
  activityActionsFrom,
  activityStates,
  activityTransition,
  activityTransitions,
} from './lifecycle.js';

describe('volunteer activity lifecycle', () => {
  it('walks every state × action: only the listed states move, to the listed state', () => {
    for (const state of activityStates)
      for (const action of activityActions) {
        const t = activityTransition(state, action);
        if (activityTransitions[action].from.includes(state)) expect(t?.to).toBe(activityTransitions[action].to);
        else expect(t).toBeNull();
      }
  });

  it('goes draft → published → finished, and may be cancelled before it is finished', () => {
    expect(activityActionsFrom('draft').sort()).toEqual(['cancel', 'publish']);
    expect(activityActionsFrom('published').sort()).toEqual(['cancel', 'finish']);
    expect(activityTransition('published', 'finish')?.to).toBe('finished');
    expect(activityTransition('draft', 'finish')).toBeNull();
    expect(activityTransition('finished', 'cancel')).toBeNull();
  });

  it('ends in finished and cancelled', () => {
    expect(activityActionsFrom('finished')).toEqual([]);
    expect(activityActionsFrom('cancelled')).toEqual([]);
  });

  it('is run by the community staff; finish waits for the end, cancel needs a reason', () => {
    for (const action of activityActions) expect(activityTransitions[action].permission).toBe('community:manage');
    expect(activityTransitions.finish.needs).toBe('ended');
    expect(activityTransitions.cancel.needs).toBe('reason');
  });

  it('takes sign-ups and check-ins only while published', () => {
    expect(activityStates.filter(acceptsPeople)).toEqual(['published']);
  });
});
