import { pointsRuleLabels, pointsRules, type PointsRule } from '../../../../../shared/points';
import { session } from '../../../../common/session';

// Shared bits of the shop area's console pages.

export const ruleLabel = (rule: string, locale: string) =>
  pointsRuleLabels[rule as PointsRule]?.[locale === 'en' ? 'en' : 'zh-CN'] ?? rule;
export const ruleOptions = (locale: string) => pointsRules.map((r) => ({ value: r, label: ruleLabel(r, locale) }));

/** The first community among the user's place memberships: the default of a page about one community. */
export function defaultCommunityCode(): string {
  const m = session.me?.memberships.find((x) => x.scopeKind === 'place' && /^\d{12}$/.test(x.scopeCode));
  return m?.scopeCode ?? '';
}

export const shanghaiDateTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

export const thisYear = () =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
