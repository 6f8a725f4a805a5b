import type { DecideNumbersRow } from '../../../../common/api/decide-numbers';

// The table's columns, grouped by area: each column names its figure and its label under decide.numbers.col.

type Figure = Exclude<keyof DecideNumbersRow, 'communityCode' | 'communityName' | 'noticesByKind'>;

export interface NumbersGroup {
  key: string;
  columns: { key: Figure; percent?: boolean }[];
}

export const numbersGroups: NumbersGroup[] = [
  {
    key: 'topics',
    columns: [
      { key: 'topicsRaised' },
      { key: 'topicsAccepted' },
      { key: 'topicsRejected' },
      { key: 'topicsDecided' },
      { key: 'topicsHandedUp' },
      { key: 'topicsClosed' },
    ],
  },
  {
    key: 'meetings',
    columns: [
      { key: 'meetingsHeld' },
      { key: 'decisions' },
      { key: 'tasks' },
      { key: 'tasksDone' },
      { key: 'tasksOverdue' },
    ],
  },
  { key: 'votes', columns: [{ key: 'votesHeld' }, { key: 'turnoutPct', percent: true }] },
  { key: 'supervisors', columns: [{ key: 'supervisors' }, { key: 'inspections' }] },
  { key: 'notices', columns: [{ key: 'noticesPublished' }, { key: 'noticeReadRatePct', percent: true }] },
  { key: 'honours', columns: [{ key: 'honourCampaigns' }, { key: 'householdsHonoured' }] },
];

/** The figures shown as per cent. */
export const percentFigures: ReadonlySet<string> = new Set(
  numbersGroups.flatMap((g) => g.columns.filter((c) => c.percent).map((c) => c.key)),
);
