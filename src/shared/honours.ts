// 文明户评选 (issue 17): the words of honour campaigns, shared by the server and the web.
// 星级文明户 and 美丽庭院 honour households; 道德模范 honours residents.

export const honourKinds = ['civilised_household', 'beautiful_courtyard', 'moral_model'] as const;
export type HonourKind = (typeof honourKinds)[number];
export const honourKindLabels: Record<HonourKind, string> = {
  civilised_household: '星级文明户',
  beautiful_courtyard: '美丽庭院',
  moral_model: '道德模范',
};
/** Whether the campaign honours households (else residents). */
export const honoursHouseholds = (kind: HonourKind): boolean => kind !== 'moral_model';

export const campaignStates = ['nominating', 'scoring', 'publicising', 'published', 'cancelled'] as const;
export type CampaignState = (typeof campaignStates)[number];
export const campaignStateLabels: Record<CampaignState, string> = {
  nominating: '推荐',
  scoring: '评审',
  publicising: '公示',
  published: '结果公布',
  cancelled: '已取消',
};

export const campaignActions = ['open_scoring', 'publicise', 'publish', 'cancel'] as const;
export type CampaignAction = (typeof campaignActions)[number];

/** nominating → scoring → publicising (objection period) → published; any open phase → cancelled. Staff only. */
export const campaignTransitions: Record<CampaignAction, { from: readonly CampaignState[]; to: CampaignState }> = {
  open_scoring: { from: ['nominating'], to: 'scoring' },
  publicise: { from: ['scoring'], to: 'publicising' },
  publish: { from: ['publicising'], to: 'published' },
  cancel: { from: ['nominating', 'scoring', 'publicising'], to: 'cancelled' },
};

export function campaignTransition(state: CampaignState, action: CampaignAction) {
  const t = campaignTransitions[action];
  return t.from.includes(state) ? t : null;
}

export const campaignActionsFrom = (state: CampaignState): CampaignAction[] =>
  campaignActions.filter((a) => campaignTransitions[a].from.includes(state));

export const nominationKinds = ['self', 'neighbour', 'steward', 'staff'] as const;
export type NominationKind = (typeof nominationKinds)[number];
export const nominationKindLabels: Record<NominationKind, string> = {
  self: '自荐',
  neighbour: '邻里推荐',
  steward: '楼门管家推荐',
  staff: '社区推荐',
};

export interface StarBand {
  stars: number;
  minPoints: number;
}

/** The star level a total earns under the campaign's bands (the highest band reached), or null. */
export function starsFor(total: number, bands: readonly StarBand[]): number | null {
  const reached = bands.filter((b) => total >= b.minPoints).sort((a, b) => b.stars - a.stars);
  return reached[0]?.stars ?? null;
}

/** The average of the members' totals, one decimal; null when nobody has scored. */
export function averageTotal(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  return Math.round((totals.reduce((s, t) => s + t, 0) / totals.length) * 10) / 10;
}
