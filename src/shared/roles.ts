// Roles and permission codes, shared by the server (policy) and the web (menus, buttons).

export const roles = [
  'admin',
  'street_officer',
  'community_worker',
  'grid_worker',
  'department_receiver',
  'department_handler',
  'legal_adviser',
  'mediator',
  'volunteer',
  'steward',
  'unit_liaison',
  'canteen_operator',
  'supervisor',
  'resident',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { 'zh-CN': string; en: string }> = {
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  street_officer: { 'zh-CN': '街道干部', en: 'Street officer' },
  community_worker: { 'zh-CN': '社区工作者', en: 'Community worker' },
  grid_worker: { 'zh-CN': '网格员', en: 'Grid worker' },
  department_receiver: { 'zh-CN': '接哨员', en: 'Department receiver' },
  department_handler: { 'zh-CN': '部门经办人', en: 'Department handler' },
  legal_adviser: { 'zh-CN': '法律顾问', en: 'Legal adviser' },
  mediator: { 'zh-CN': '人民调解员', en: 'Mediator' },
  volunteer: { 'zh-CN': '志愿者', en: 'Volunteer' },
  steward: { 'zh-CN': '楼门管家', en: 'Stairwell steward' },
  unit_liaison: { 'zh-CN': '共建单位联络员', en: 'Co-building unit liaison' },
  canteen_operator: { 'zh-CN': '助餐点操作员', en: 'Canteen operator' },
  supervisor: { 'zh-CN': '百姓监督员', en: "Residents' supervisor" },
  resident: { 'zh-CN': '居民', en: 'Resident' },
};

/** Roles whose scope is a department rather than a place subtree. */
export const departmentRoles: readonly Role[] = ['department_receiver', 'department_handler'];

export const permissions = [
  'places:read', // region tree, grids, buildings, units
  'places:write', // create and edit buildings, units, households
  'grids:write', // create, merge and split grids
  'households:read', // households and who lives there
  'departments:read',
  'users:manage',
  'audit:read',
  'people:read', // residents in scope, personal data masked
  'people:write', // register, edit, move, move out
  'people:reveal', // see one full ID number or phone, audited with a reason
  'people:import', // Excel import into a community
  'orgs:read', // party organisations, volunteers, 双报到, organisations
  'orgs:write',
  'visits:read', // 民情日记
  'visits:write',
  'files:write', // upload photos
  'cases:read', // cases of places in scope
  'cases:intake', // enter a case: hotline, walk-in, patrol
  'cases:dispatch', // accept, dispatch, call back, close: the community/street dispatcher
  'cases:handle', // work a case sent to you or your department
  'cases:configure', // categories, deadlines, the on-duty roster
  'whistle:blow', // 吹哨: summon departments, score them
  'whistle:answer', // 接哨/报到: a department's receivers and handlers, and legal advisers summoned in person
  'duties:read', // 权责清单
  'duties:write', // maintain and import the lists (street)
  'duties:assign', // a department hands a task to a community
  'disputes:read', // 矛盾纠纷台账
  'disputes:write', // record disputes, mediation sessions, follow-ups
  'legal:answer', // 小律服务: answer residents' legal questions
  'calendar:write', // 节假日与工作时间: the holiday calendar and the county's business hours (county administrators)
  'lists:configure', // the county's resident tags and organisation kinds (admin only)
  'people:sensitive', // see and set sensitive tags (法律援助, 安置帮教, 社区矫正): not grid workers
  'services:configure', // 服务事项: the county's catalogue, forms, materials and bundles (county administrators)
  'services:window', // 窗口: enter (代办), pre-check, accept and hand out applications; the hall's windows, queue and kiosks
  'services:review', // 审核: review the parts of applications handled by one's community, street or department
  'services:assist', // 救助顾问: adviser teams, visits and help for residents in hardship
  // Community life (issue 16). Joining in (signing up, claiming a wish, spending points) needs no
  // permission: any logged-in person does it in their own name; these are the jobs and the oversight.
  'community:read', // 邻里生活: activities, wishes, points, rooms, stewards, units and canteens in scope
  'community:manage', // run it: teams, activities, posts, wish review, rooms, the points shop, steward selection and evaluation, units' agreements, canteens
  'wishes:post', // 代发微心愿: post a wish for a resident in need (grid workers, stewards)
  'stewards:duty', // 楼门管家: the steward's building, checklist and the opinions collected
  'units:liaise', // 共建单位联络员: the unit's agreement, lists and its in-service party members' records
  'canteen:serve', // 助餐: record meals at a canteen (its tablet)
  // Deciding in public (issue 17). Raising and seconding a topic, voting and reading notices need no
  // permission: a resident does them in their own name; these are the community's jobs.
  'deliberation:manage', // 议事协商: screen topics, hold meetings, record minutes and decisions, follow tasks, run votes and supervisor projects
  'notices:write', // 五公开: draft notices
  'notices:approve', // 审核发布: approve and publish a notice someone else drafted
  'honours:manage', // 文明户评选: campaigns, criteria, panels, shortlists and results
  'supervision:inspect', // 百姓监督员: inspect the project one was elected for, log it with photos, raise issues
] as const;
export type Permission = (typeof permissions)[number];

const staffRead: Permission[] = ['places:read', 'departments:read'];
const registry: Permission[] = [
  'households:read',
  'people:read',
  'people:write',
  'people:reveal',
  'orgs:read',
  'visits:read',
  'files:write',
];
const dispatcher: Permission[] = [
  'cases:read',
  'cases:intake',
  'cases:dispatch',
  'cases:handle',
  'whistle:blow',
  'duties:read',
  'disputes:read',
  'disputes:write',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    ...staffRead,
    ...registry,
    ...dispatcher,
    'places:write',
    'grids:write',
    'users:manage',
    'audit:read',
    'people:import',
    'orgs:write',
    'cases:configure',
    'duties:write',
    'calendar:write',
    'lists:configure',
    'people:sensitive',
    'services:configure',
    'services:window',
    'services:review',
    'services:assist',
    'community:read',
    'community:manage',
    'wishes:post',
    'canteen:serve',
    'deliberation:manage',
    'notices:write',
    'notices:approve',
    'honours:manage',
  ],
  street_officer: [
    ...staffRead,
    ...registry,
    ...dispatcher,
    'places:write',
    'grids:write',
    'people:import',
    'orgs:write',
    'cases:configure',
    'duties:write',
    'people:sensitive',
    'users:manage',
    'services:window',
    'services:review',
    'services:assist',
    'community:read',
    'community:manage',
    'wishes:post',
    'canteen:serve',
    'deliberation:manage',
    'notices:write',
    'notices:approve',
    'honours:manage',
  ],
  community_worker: [
    ...staffRead,
    ...registry,
    ...dispatcher,
    'places:write',
    'people:import',
    'orgs:write',
    'visits:write',
    'cases:configure',
    'people:sensitive',
    'users:manage',
    'services:window',
    'services:review',
    'services:assist',
    'community:read',
    'community:manage',
    'wishes:post',
    'canteen:serve',
    'deliberation:manage',
    'notices:write',
    'notices:approve',
    'honours:manage',
  ],
  grid_worker: [
    ...staffRead,
    ...registry,
    'visits:write',
    'cases:read',
    'cases:intake',
    'cases:handle',
    'community:read',
    'wishes:post',
  ],
  department_receiver: [
    ...staffRead,
    'cases:handle',
    'files:write',
    'whistle:answer',
    'duties:read',
    'duties:assign',
    'services:review',
  ],
  department_handler: [
    ...staffRead,
    'cases:handle',
    'files:write',
    'whistle:answer',
    'duties:read',
    'duties:assign',
    'services:review',
  ],
  legal_adviser: [...staffRead, 'disputes:read', 'disputes:write', 'files:write', 'legal:answer', 'whistle:answer'],
  mediator: [...staffRead, 'disputes:read', 'disputes:write', 'files:write'],
  // A volunteer works the cases sent to their team (上门服务) and photographs the result.
  volunteer: ['places:read', 'cases:handle', 'files:write'],
  // 楼门管家: their building's households (as much as the role may see), its checklist and opinions;
  // an opinion becomes a case (cases:intake) and a wish can be posted for an elder of the building.
  steward: ['places:read', 'households:read', 'files:write', 'cases:intake', 'wishes:post', 'stewards:duty'],
  // 共建单位联络员: the unit's own agreement and lists, and its members' service records — no residents' data.
  unit_liaison: ['places:read', 'files:write', 'units:liaise'],
  // 助餐点操作员: the canteen's tablet — who ate, with the subsidy the rules give.
  canteen_operator: ['places:read', 'canteen:serve'],
  // 百姓监督员: the project they were elected for — inspection logs with photos, issues raised (a case).
  supervisor: ['places:read', 'files:write', 'cases:intake', 'supervision:inspect'],
  resident: [],
};

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

// User administration (users/): who may grant which role. A membership is granted only for a role
// listed here for one of the granter's own roles at that place, and only when the role's powers are
// a subset of the granter's there (`workPermissions` aside: they are a job one does in one's own
// name, such as answering a whistle or writing a visit diary, not power over others' records).
export const grantableRoles: Partial<Record<Role, readonly Role[]>> = {
  admin: roles.filter((r) => r !== 'resident'),
  street_officer: roles.filter((r) => r !== 'resident' && r !== 'admin'),
  community_worker: [
    'community_worker',
    'grid_worker',
    'volunteer',
    'steward',
    'unit_liaison',
    'canteen_operator',
    'supervisor',
  ],
};

export const workPermissions: readonly Permission[] = [
  'visits:write',
  'cases:handle',
  'whistle:answer',
  'legal:answer',
  'duties:assign',
  'wishes:post',
  'stewards:duty',
  'units:liaise',
  'canteen:serve',
  'supervision:inspect',
];
