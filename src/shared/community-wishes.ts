// 微心愿 · 微行动 (issue 16): the words shared by the server (rules) and the web (labels, buttons).

export const wishCategories = ['daily_goods', 'study', 'companionship', 'repair', 'other'] as const;
export type WishCategory = (typeof wishCategories)[number];
export const wishCategoryLabels: Record<WishCategory, { 'zh-CN': string; en: string }> = {
  daily_goods: { 'zh-CN': '生活物资', en: 'Daily goods' },
  study: { 'zh-CN': '学习用品', en: 'Study supplies' },
  companionship: { 'zh-CN': '陪伴关爱', en: 'Companionship' },
  repair: { 'zh-CN': '维修帮助', en: 'Repairs' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const wishStates = [
  'submitted',
  'published',
  'rejected',
  'claimed',
  'fulfilled',
  'thanked',
  'cancelled',
] as const;
export type WishState = (typeof wishStates)[number];

export const wishActions = ['approve', 'reject', 'claim', 'give_up', 'expire', 'fulfil', 'thank', 'cancel'] as const;
export type WishAction = (typeof wishActions)[number];

/** States a wish shows on the wish wall (心愿墙) of its community. */
export const wishWallStates: readonly WishState[] = ['published', 'claimed', 'fulfilled', 'thanked'];

/** Days a claimer has to fulfil a wish before it goes back on the wall. */
export const wishFulfilDays = 14;

export const microActionStates = ['open', 'done', 'cancelled'] as const;
export type MicroActionState = (typeof microActionStates)[number];
