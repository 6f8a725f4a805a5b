import { pointsRuleLabels, type PointsRule } from '../../../../../shared/points';

// 邻里 hub tiles: the shop's own pages, and slots for the other areas' phone pages (shown only when
// the app has a route at that path — each area adds its own).
export interface HubTile {
  key: 'report' | 'myReports' | 'activities' | 'wishes' | 'microActions' | 'rooms' | 'canteen';
  path: string;
  icon: string;
  color: string;
}

export const hubTiles: HubTile[] = [
  { key: 'report', path: '/report', icon: 'photograph', color: '#f97316' },
  { key: 'myReports', path: '/my-reports', icon: 'comment-o', color: '#0891b2' },
  { key: 'activities', path: '/activities', icon: 'calendar-o', color: '#16a34a' },
  { key: 'wishes', path: '/wishes', icon: 'gift-o', color: '#db2777' },
  { key: 'microActions', path: '/micro-actions', icon: 'flag-o', color: '#65a30d' },
  { key: 'rooms', path: '/rooms', icon: 'home-o', color: '#9333ea' },
  { key: 'canteen', path: '/canteen', icon: 'hot-o', color: '#b45309' },
];

/** A ledger rule in the reader's language; an unknown rule (a newer server) shows as it is. */
export const ruleLabel = (rule: string, locale: string) =>
  pointsRuleLabels[rule as PointsRule]?.[locale === 'en' ? 'en' : 'zh-CN'] ?? rule;

/** 'YYYY-MM-DD' in Beijing time. */
export const shanghaiDay = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
