// 共驻共建 · 一书四单 (issue 16, units): the names shared by the server and the web.

export const unitLists = ['needs', 'resources', 'projects', 'responsibilities'] as const;
export type UnitListCode = (typeof unitLists)[number];
export const unitEntryStates = ['open', 'submitted', 'confirmed', 'returned'] as const;
export const agreementStates = ['draft', 'signed', 'ended'] as const;
export const unitEntryActionCodes = ['submit', 'confirm', 'return'] as const;
export const agreementActionCodes = ['sign', 'end'] as const;
/** Organisations registered with a community that the units area keeps. */
export const unitKinds = ['co_building_unit', 'property_company', 'owners_committee'] as const;
