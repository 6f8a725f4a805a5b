// 吹哨报到: the states a summons (one department or adviser called to a whistle) goes through, with
// their Chinese labels, for the server's schemas and the web.

export const summonsStates = ['summoned', 'acknowledged', 'arrived', 'reported', 'scored'] as const;
export type SummonsState = (typeof summonsStates)[number];
export const summonsStateLabels = {
  summoned: '待接哨',
  acknowledged: '已接哨',
  arrived: '已报到',
  reported: '已反馈',
  scored: '已评分',
} satisfies Record<SummonsState, string>;

export const whistleStates = ['open', 'closed'] as const;
export type WhistleState = (typeof whistleStates)[number];
