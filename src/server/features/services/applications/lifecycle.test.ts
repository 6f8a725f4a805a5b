import { describe, expect, it } from 'vitest';
import {
  allowedApplicationActions,
  allowedPartActions,
  applicationActions,
  applicationAfterSupplement,
  applicationStates,
  applicationTransitions,
  countsAsVisit,
  findApplicationTransition,
  findPartTransition,
  partActions,
  partAfterSupplement,
  partStates,
  partTransitions,
  settledOutcome,
  type ApplicationParty,
  type PartParty,
} from './lifecycle.js';

// Both tables, walked: for every state, action and party, the expected outcome is written here
// independently of the tables, so a change to a table must be a deliberate change to these lists.
const expectedApplication: Record<string, string> = {
  'submitted accept clerk': 'accepted',
  'submitted supplement clerk': 'supplement',
  'supplement resubmit applicant': '(previous)',
  'supplement resubmit clerk': '(previous)',
  'submitted withdraw applicant': 'withdrawn',
  'submitted withdraw clerk': 'withdrawn',
  'supplement withdraw applicant': 'withdrawn',
  'supplement withdraw clerk': 'withdrawn',
  'accepted withdraw applicant': 'withdrawn',
  'accepted withdraw clerk': 'withdrawn',
  'in_review withdraw applicant': 'withdrawn',
  'in_review withdraw clerk': 'withdrawn',
  'approved ready clerk': 'ready',
  'ready collect clerk': 'collected',
  'collected rate applicant': '(same)',
  'accepted startReview system': 'in_review',
  'accepted supplement system': 'supplement',
  'in_review supplement system': 'supplement',
  'accepted conclude system': 'approved',
  'in_review conclude system': 'approved',
  'accepted concludeRefused system': 'refused',
  'in_review concludeRefused system': 'refused',
};
const expectedPart: Record<string, string> = {
  'waiting start system': 'pending',
  'pending take reviewer': 'in_review',
  'in_review approve reviewer': 'approved',
  'in_review refuse reviewer': 'refused',
  'pending supplement reviewer': 'supplement',
  'in_review supplement reviewer': 'supplement',
  'supplement resume system': '(previous)',
  'waiting withdraw system': 'withdrawn',
  'pending withdraw system': 'withdrawn',
  'in_review withdraw system': 'withdrawn',
  'supplement withdraw system': 'withdrawn',
};
const applicationParties: ApplicationParty[] = ['applicant', 'clerk', 'system'];
const partParties: PartParty[] = ['reviewer', 'system'];

describe('application lifecycle table (办件)', () => {
  it('allows exactly the listed application transitions, for exactly the listed parties', () => {
    const actual: Record<string, string> = {};
    for (const state of applicationStates)
      for (const action of applicationActions)
        for (const party of applicationParties) {
          const t = findApplicationTransition(state, action, [party]);
          if (t)
            actual[`${state} ${action} ${party}`] =
              t.to === 'previous' ? '(previous)' : t.to === 'same' ? '(same)' : t.to;
        }
    expect(actual).toEqual(expectedApplication);
  });

  it('allows exactly the listed part transitions', () => {
    const actual: Record<string, string> = {};
    for (const state of partStates)
      for (const action of partActions)
        for (const party of partParties) {
          const t = findPartTransition(state, action, [party]);
          if (t) actual[`${state} ${action} ${party}`] = t.to === 'previous' ? '(previous)' : t.to;
        }
    expect(actual).toEqual(expectedPart);
  });

  it('says which clock each step starts, pauses, resumes or stops, and which SMS the applicant gets', () => {
    const clocks = Object.fromEntries(
      applicationTransitions.filter((t) => t.clock).map((t) => [`${t.action}/${t.by.join('+')}`, t.clock]),
    );
    expect(clocks).toEqual({
      'accept/clerk': 'start',
      'resubmit/applicant+clerk': 'resume',
      'withdraw/applicant+clerk': 'stop',
      'supplement/system': 'pause',
    });
    const sms = Object.fromEntries(
      applicationTransitions.filter((t) => t.sms).map((t) => [`${t.action}/${t.by.join('+')}`, t.sms]),
    );
    expect(sms).toEqual({
      'accept/clerk': 'service_accepted',
      'supplement/clerk': 'service_supplement',
      'supplement/system': 'service_supplement',
      'ready/clerk': 'service_ready',
      'concludeRefused/system': 'service_refused',
    });
    expect(partTransitions.filter((t) => t.clock).map((t) => `${t.action}:${t.clock}`)).toEqual([
      'start:start',
      'approve:stop',
      'refuse:stop',
      'supplement:pause',
      'resume:resume',
      'withdraw:stop',
    ]);
  });

  it('counts a visit for material handed in at the window and for collecting an online application', () => {
    expect(applicationTransitions.filter((t) => t.visit).map((t) => `${t.action}:${t.visit}`)).toEqual([
      'accept:ifBrought',
      'resubmit:byClerk',
      'collect:ifOnline',
    ]);
  });

  it('counts materials brought for the pre-check as the one visit, and collecting that day as none more', () => {
    const f = { byClerk: false, online: true, broughtNow: false, cameToday: false };
    expect(countsAsVisit('ifBrought', { ...f, broughtNow: true })).toBe(true);
    expect(countsAsVisit('ifBrought', f)).toBe(false);
    expect(countsAsVisit('ifOnline', f)).toBe(true);
    expect(countsAsVisit('ifOnline', { ...f, cameToday: true })).toBe(false);
    expect(countsAsVisit('ifOnline', { ...f, online: false })).toBe(false);
    expect(countsAsVisit('byClerk', { ...f, byClerk: true })).toBe(true);
    expect(countsAsVisit(undefined, { byClerk: true, online: true, broughtNow: true, cameToday: false })).toBe(false);
  });

  it('wants a note for 补正 and for a refusal', () => {
    expect(applicationTransitions.filter((t) => t.needsNote).map((t) => t.action)).toEqual([
      'supplement',
      'supplement',
    ]);
    expect(partTransitions.filter((t) => t.needsNote).map((t) => t.action)).toEqual(['refuse', 'supplement']);
  });

  it('offers the applicant and the window only what they may ask for, and a rating once', () => {
    expect(allowedApplicationActions('submitted', ['clerk'])).toEqual(['accept', 'supplement', 'withdraw']);
    expect(allowedApplicationActions('submitted', ['applicant'])).toEqual(['withdraw']);
    expect(allowedApplicationActions('accepted', ['clerk'])).toEqual(['withdraw']);
    expect(allowedApplicationActions('collected', ['applicant'])).toEqual(['rate']);
    expect(allowedApplicationActions('collected', ['applicant'], true)).toEqual([]);
    expect(allowedApplicationActions('collected', ['clerk'])).toEqual([]);
    for (const state of ['refused', 'withdrawn'] as const)
      expect(allowedApplicationActions(state, applicationParties)).toEqual([]);
    expect(allowedPartActions('pending', ['reviewer'])).toEqual(['take', 'supplement']);
    expect(allowedPartActions('in_review', ['reviewer'])).toEqual(['approve', 'refuse', 'supplement']);
    expect(allowedPartActions('pending', ['system'])).toEqual([]);
  });

  it('goes back to where it was after 补正', () => {
    expect(applicationAfterSupplement({ accepted_at: null }, false)).toBe('submitted');
    expect(applicationAfterSupplement({ accepted_at: new Date() }, false)).toBe('accepted');
    expect(applicationAfterSupplement({ accepted_at: new Date() }, true)).toBe('in_review');
    expect(partAfterSupplement({ reviewer_id: null })).toBe('pending');
    expect(partAfterSupplement({ reviewer_id: 'u' })).toBe('in_review');
  });

  it('settles an application when no part is open: approved with one approved part, refused when all are refused', () => {
    expect(settledOutcome([{ state: 'approved' }, { state: 'in_review' }])).toBeNull();
    expect(settledOutcome([{ state: 'approved' }, { state: 'refused' }])).toBe('conclude');
    expect(settledOutcome([{ state: 'refused' }, { state: 'refused' }])).toBe('concludeRefused');
    expect(settledOutcome([{ state: 'withdrawn' }])).toBeNull();
  });
});
