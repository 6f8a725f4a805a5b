import type { Permission } from '../../../../shared/roles';

/** The big entries of the phone home page; each needs a permission (none: anyone logged in). */
export interface HomeEntry {
  key:
    | 'myGrid'
    | 'snap'
    | 'visitLog'
    | 'tasks'
    | 'whistles'
    | 'disputes'
    | 'legal'
    | 'assist'
    | 'myReports'
    | 'services'
    | 'rooms'
    | 'steward'
    | 'myBuilding'
    | 'wishes'
    | 'microActions'
    | 'unitHome'
    // 邻里生活 · shop (issue 16)
    | 'communityHub'
    | 'points'
    | 'pointsShop'
    | 'canteenDesk'
    | 'honours'
    | 'canteen'
    // 邻里生活 · volunteers (issue 16)
    | 'activities'
    | 'posts'
    | 'unitMembers'
    // cross-area (issue 16, flow16)
    | 'report'
    // 居民议事 · topics (issue 17)
    | 'topics'
    // 居民议事 · votes (issue 17)
    | 'votes'
    // 五公开 (issue 17)
    | 'notices'
    // 议事会 and 百姓监督员 (issue 17)
    | 'meetings'
    | 'supervisor'
    | 'supervisionCall';
  icon: string;
  color: string;
  /** where its name and description are in the messages (`.name`, `.desc`); default home.entry.<key> */
  labels?: string;
  /** a list: any one of them */
  permission?: Permission | Permission[];
  /** only for residents (accounts without any role): their own reports */
  residentOnly?: boolean;
  /** with residentOnly: also for these roles' holders, who are residents too (a steward, a supervisor) */
  alsoFor?: Permission[];
  /** the named route it opens; 我的网格 alone has none (it opens the grid, or a steward's building) */
  route?: string;
  /** shown before the other tiles anyone may use, after one's own work: a resident's 反映问题 */
  lead?: boolean;
}

export const homeEntries: HomeEntry[] = [
  // 我的网格 is for those who keep the register of a place (grid and community workers), not for departments or advisers.
  { key: 'myGrid', icon: 'location', color: '#1f6feb', permission: 'households:read' },
  { key: 'snap', icon: 'photograph', color: '#f97316', permission: 'cases:intake', route: 'snap' },
  { key: 'visitLog', icon: 'notes', color: '#16a34a', permission: 'visits:read', route: 'visits' },
  { key: 'tasks', icon: 'todo-list', color: '#9333ea', permission: 'cases:handle', route: 'tasks' },
  {
    key: 'whistles',
    icon: 'volume-o',
    color: '#dc2626',
    permission: 'whistle:answer',
    labels: 'whistle.entry',
    route: 'whistles',
  },
  {
    key: 'disputes',
    icon: 'friends-o',
    color: '#b45309',
    permission: 'disputes:read',
    labels: 'disputes.entry',
    route: 'disputes',
  },
  // 办事服务 (issue 15): the catalogue, applying and 我的办件, for residents logged in by phone code.
  {
    key: 'services',
    icon: 'records-o',
    color: '#1f6feb',
    residentOnly: true,
    labels: 'services.entry',
    route: 'services',
  },
  { key: 'legal', icon: 'question-o', color: '#0f766e', labels: 'legal.entry', route: 'legal' },
  // 救助顾问: the advisers of a team — community workers, social workers, volunteers (who work cases too).
  {
    key: 'assist',
    icon: 'like-o',
    color: '#db2777',
    permission: ['services:assist', 'cases:handle'],
    labels: 'assist.entry',
    route: 'assist',
  },
  {
    key: 'myReports',
    icon: 'comment-o',
    color: '#0891b2',
    residentOnly: true,
    labels: 'cases.entry.myReports',
    route: 'my-reports',
  },
  // 功能室预约 (issue 16, rooms): anyone logged in books for their team, unit or group.
  { key: 'rooms', icon: 'hotel-o', color: '#7c3aed', labels: 'community.rooms.entry', route: 'rooms' },
  // 楼门管家 (issue 16): the steward's building, checklist and opinions; a resident's building, its steward and vote.
  {
    key: 'steward',
    icon: 'wap-home-o',
    color: '#0d9488',
    permission: 'stewards:duty',
    labels: 'community.stewards.entry',
    route: 'steward-home',
  },
  {
    key: 'myBuilding',
    icon: 'wap-home-o',
    color: '#0d9488',
    residentOnly: true,
    labels: 'community.stewards.residentEntry',
    route: 'steward-building',
  },
  // 居民议事 · topics (issue 17): raise and second topics of one's community, for everyone logged in.
  { key: 'topics', icon: 'chat-o', color: '#7c3aed', labels: 'decide.topics.entry', route: 'topics' },
  // 居民议事 · votes (issue 17): the votes whose roll holds me.
  {
    key: 'votes',
    icon: 'passed',
    color: '#2563eb',
    residentOnly: true,
    alsoFor: ['stewards:duty', 'supervision:inspect'],
    labels: 'decide.votes.entry',
    route: 'my-votes',
  },
  // 社区议事会 (issue 17): the meetings of my community and 签到; residents, stewards and supervisors.
  {
    key: 'meetings',
    icon: 'friends-o',
    color: '#0f766e',
    residentOnly: true,
    alsoFor: ['stewards:duty', 'supervision:inspect'],
    labels: 'decide.meetings.entry',
    route: 'meetings',
  },
  // 百姓监督员 (issue 17): the supervisor's projects; the call for residents to stand.
  {
    key: 'supervisor',
    icon: 'eye-o',
    color: '#0369a1',
    permission: 'supervision:inspect',
    labels: 'decide.supervisors.entry',
    route: 'supervisor-home',
  },
  {
    key: 'supervisionCall',
    icon: 'eye-o',
    color: '#0369a1',
    residentOnly: true,
    alsoFor: ['stewards:duty'],
    labels: 'decide.supervisors.callEntry',
    route: 'supervision-call',
  },
  // 五公开 (issue 17): the notices for my community, grid and building, for everyone logged in.
  { key: 'notices', icon: 'bullhorn-o', color: '#b91c1c', labels: 'decide.notices.entry', route: 'notices' },
  // 文明户评选 (issue 17): the campaigns of the resident's community — nominate, the notice, objections.
  {
    key: 'honours',
    icon: 'medal-o',
    color: '#d97706',
    residentOnly: true,
    alsoFor: ['stewards:duty', 'supervision:inspect'],
    labels: 'decide.honours.entry',
    route: 'honours',
  },
  // 邻里生活 · wishes (issue 16): the wish wall and micro-actions, for everyone logged in.
  { key: 'wishes', icon: 'gift-o', color: '#e11d48', labels: 'community.wishes.entry.wishes', route: 'wishes' },
  {
    key: 'microActions',
    icon: 'flag-o',
    color: '#65a30d',
    labels: 'community.wishes.entry.actions',
    route: 'micro-actions',
  },
  // 共建单位 (issue 16, units): the liaison's unit — agreement, four lists, points and rank.
  {
    key: 'unitHome',
    icon: 'cluster-o',
    color: '#0f766e',
    permission: 'units:liaise',
    labels: 'community.units.entry',
    route: 'unit-home',
  },
  // 邻里生活 · shop (issue 16): the resident's hub (我的社区, 反映问题), and points and the shop for everyone.
  {
    key: 'communityHub',
    icon: 'wap-home-o',
    color: '#16a34a',
    residentOnly: true,
    labels: 'community.shop.entry.hub',
    route: 'community-hub',
  },
  { key: 'points', icon: 'medal-o', color: '#ca8a04', labels: 'community.shop.entry.points', route: 'my-points' },
  { key: 'pointsShop', icon: 'shop-o', color: '#1f6feb', labels: 'community.shop.entry.shop', route: 'points-shop' },
  // 社区食堂 (issue 16): the operator's desk, and the menu and orders for everyone.
  {
    key: 'canteenDesk',
    icon: 'records',
    color: '#ea580c',
    permission: 'canteen:serve',
    labels: 'community.canteen.entry.desk',
    route: 'canteen-desk',
  },
  { key: 'canteen', icon: 'hot-o', color: '#ea580c', labels: 'community.canteen.entry.menu', route: 'canteen' },
  // 邻里生活 · volunteers (issue 16): activities for anyone logged in; posts (双报到 party members find
  // out on the page whether they may claim); the unit liaison's 本单位党员.
  {
    key: 'activities',
    icon: 'calendar-o',
    color: '#16a34a',
    labels: 'community.volunteers.entry.activities',
    route: 'activities',
  },
  { key: 'posts', icon: 'award-o', color: '#dc2626', labels: 'community.volunteers.entry.posts', route: 'posts' },
  {
    key: 'unitMembers',
    icon: 'friends-o',
    color: '#7c3aed',
    permission: 'units:liaise',
    labels: 'community.volunteers.entry.unitMembers',
    route: 'unit-members',
  },
  // 反映问题 from the app (issue 16): a resident's first need, one tap from home rather than inside 邻里.
  {
    key: 'report',
    icon: 'photograph',
    color: '#f97316',
    residentOnly: true,
    labels: 'community.shop.hub.report',
    route: 'community-report',
    lead: true,
  },
];

/** The tips under the tiles, each about one tile and shown only with it (a receiver has no 走访日记). */
const homeTips: { tile: HomeEntry['key']; text: string }[] = [
  { tile: 'visitLog', text: 'home.tips.visitLog' },
  { tile: 'snap', text: 'home.tips.snap' },
  { tile: 'report', text: 'cases.residentTip' }, // 反映问题 and 我的反映, a resident's pair
];

export const tipsFor = (shown: readonly HomeEntry['key'][]) =>
  homeTips.filter((tip) => shown.includes(tip.tile)).map((tip) => tip.text);

/** Counts shown on the scope card, in this order, when the place has them. */
export const scopeCounts = ['grid', 'building', 'unit', 'household'] as const;
