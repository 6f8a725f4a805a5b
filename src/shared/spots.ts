// 地点: the kinds of named point places (a park, a market) that get a QR poster of their own.

export const spotKinds = ['park', 'market', 'square', 'school', 'station', 'other'] as const;
export type SpotKind = (typeof spotKinds)[number];

export const spotKindLabels: Record<SpotKind, { 'zh-CN': string; en: string }> = {
  park: { 'zh-CN': '公园', en: 'Park' },
  market: { 'zh-CN': '市场', en: 'Market' },
  square: { 'zh-CN': '广场', en: 'Square' },
  school: { 'zh-CN': '学校周边', en: 'Near a school' },
  station: { 'zh-CN': '车站', en: 'Station' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** The kinds of place a QR poster can be printed for. */
export const posterKinds = ['community', 'building', 'unit', 'spot'] as const;
export type PosterKind = (typeof posterKinds)[number];
