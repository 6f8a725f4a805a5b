import type { LifeNumbersRow } from '../../../../common/api/community-numbers';

// The table's columns, grouped by area: each column names its figure and its label under community.numbers.col.

type Figure = Exclude<keyof LifeNumbersRow, 'communityCode' | 'communityName'>;

export interface NumbersGroup {
  key: string;
  columns: { key: Figure; percent?: boolean }[];
}

export const numbersGroups: NumbersGroup[] = [
  {
    key: 'volunteers',
    columns: [{ key: 'activitiesHeld' }, { key: 'participants' }, { key: 'volunteerHours' }],
  },
  { key: 'posts', columns: [{ key: 'postMembers' }, { key: 'postMonths' }] },
  {
    key: 'wishes',
    columns: [
      { key: 'wishesPosted' },
      { key: 'wishesFulfilled' },
      { key: 'actionsDone' },
      { key: 'actionParticipants' },
    ],
  },
  { key: 'points', columns: [{ key: 'pointsEarned' }, { key: 'pointsSpent' }] },
  { key: 'rooms', columns: [{ key: 'roomDaysUsed' }, { key: 'roomParticipationPct', percent: true }] },
  { key: 'stewards', columns: [{ key: 'stewardOpinions' }, { key: 'stewardEvaluations' }] },
  { key: 'units', columns: [{ key: 'unitEntriesConfirmed' }] },
  { key: 'canteen', columns: [{ key: 'meals' }, { key: 'elderMeals' }, { key: 'subsidyYuan' }] },
];

export const cellText = (value: unknown, percent = false): string =>
  value === null || value === undefined ? '—' : percent ? `${value}%` : String(value);
