import { seedDemoDispatch } from './dispatch.js';
import type { Db } from '../platform/db/database.js';
import type { Transaction } from 'kysely';
import type { Database, GeoJsonPolygon, NewPlace } from '../platform/db/schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { newId } from '../platform/ids.js';
import { log } from '../platform/logger.js';
import { pathOf } from '../features/places/codes.js';
import { bboxOf, containsPoint } from '../features/places/geometry.js';
import { importRegions, provinceRegions } from '../features/places/regions.js';
import type { PiiCipher } from '../platform/pii.js';
import { personName } from './names.js';
import { seedDemoCases } from './cases.js';
import { demoDutyItems } from './duties.js';
import { rebuildRollups } from '../features/stats/rollup.js';
import { seedDemoPeople } from './people.js';
import { Random } from './random.js';
import { seedDemoDisputes } from './disputes.js';
import { seedDemoDutyTasks } from './duty-tasks.js';
import { seedDemoLegal } from './legal.js';
import { seedDemoHall } from './hall.js';
import { seedDemoVisits } from './visits.js';
import { seedDemoWhistles } from './whistles.js';
import { seedDemoSpots } from './spots.js';
import { seedDemoTeams } from './teams.js';
import { seedDemoCatalogue } from './services-catalogue.js';
import { seedDemoServiceApplications } from './services-applications.js';
import { seedDemoAssistance } from './assistance.js';
import { seedDemoCommunityLife } from './community.js';
import { seedDemoDeciding } from './decide.js';

// The demo county: fictional 和宁县 under the real 榆林市, 陕西省, generated from a fixed seed.
export const DEMO_SEED = 20261124;
export const DEMO_PASSWORD = 'Linli@2026';
export const demoCounty = { code: '610899', name: '和宁县', cityCode: '6108', provinceCode: '61' };
/** The community the demo logins work in (城关街道's first): the start banner links its QR report page. */
export const demoCommunity = { code: '610899001001', name: '和平社区' };

export const streets = [
  { code: '610899001', name: '城关街道', communities: ['和平社区', '文化社区', '南苑社区', '新华社区'] },
  { code: '610899002', name: '东川街道', communities: ['东川社区', '柳湾社区', '石桥社区'] },
];
// Grid lattice (columns × rows) of each community, in order.
export const lattices: [number, number][] = [
  [3, 2],
  [3, 2],
  [2, 2],
  [3, 2],
  [2, 2],
  [3, 2],
  [2, 2],
];
export const origin = { lng: 108.78, lat: 37.58 };
export const communitySize = { lng: 0.014, lat: 0.011 };

export const departments = [
  { code: 'D61089901', name: '城关司法所', kind: 'justice', street: '610899001' },
  { code: 'D61089902', name: '东川司法所', kind: 'justice', street: '610899002' },
  { code: 'D61089903', name: '城关派出所', kind: 'police', street: '610899001' },
  { code: 'D61089904', name: '东川派出所', kind: 'police', street: '610899002' },
  { code: 'D61089905', name: '县城市管理局', kind: 'city_management', street: null },
  { code: 'D61089906', name: '县住房和城乡建设局', kind: 'housing', street: null },
  { code: 'D61089907', name: '县市场监督管理局', kind: 'market_regulation', street: null },
  { code: 'D61089908', name: '县民政局', kind: 'civil_affairs', street: null },
  { code: 'D61089909', name: '县供水公司', kind: 'water', street: null },
  { code: 'D61089910', name: '县供电公司', kind: 'power', street: null },
];

/** One demo login per role; the label is what README and the start banner show. */
export const demoUsers = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', scope: '610899', label: '系统管理员（全县）' },
  {
    username: 'street',
    displayName: '王建华',
    role: 'street_officer',
    scope: '610899001',
    label: '街道干部（城关街道）',
  },
  {
    username: 'community',
    displayName: '李秀英',
    role: 'community_worker',
    scope: '610899001001',
    label: '社区工作者（和平社区）',
  },
  {
    username: 'community2',
    displayName: '赵丽',
    role: 'community_worker',
    scope: '610899001002',
    label: '社区工作者（文化社区）',
  },
  {
    username: 'grid',
    displayName: '张伟',
    role: 'grid_worker',
    scope: '610899001001001',
    label: '网格员（和平社区第一网格）',
  },
  {
    username: 'grid2',
    displayName: '刘洋',
    role: 'grid_worker',
    scope: '610899001001002',
    label: '网格员（和平社区第二网格）',
  },
  {
    username: 'receiver',
    displayName: '陈明',
    role: 'department_receiver',
    scope: 'D61089901',
    label: '接哨员（城关司法所）',
  },
  {
    username: 'police',
    displayName: '高磊',
    role: 'department_receiver',
    scope: 'D61089903',
    label: '接哨员（城关派出所）',
  },
  {
    username: 'handler',
    displayName: '周强',
    role: 'department_handler',
    scope: 'D61089905',
    label: '部门经办人（县城市管理局）',
  },
  {
    username: 'legal',
    displayName: '孙律师',
    role: 'legal_adviser',
    scope: '610899001001',
    label: '法律顾问（和平社区）',
  },
  {
    username: 'mediator',
    displayName: '吴桂兰',
    role: 'mediator',
    scope: '610899001',
    label: '人民调解员（城关街道）',
  },
  {
    username: 'volunteer',
    displayName: '郑小红',
    role: 'volunteer',
    scope: '610899001001',
    label: '志愿者（和平社区）',
  },
  {
    username: 'steward',
    displayName: '马德明',
    role: 'steward',
    scope: '610899001001-1',
    label: '楼门管家（和平社区1号楼）',
  },
  {
    username: 'unit',
    displayName: '杜志刚',
    role: 'unit_liaison',
    scope: '610899001001',
    label: '共建单位联络员（县供电公司城关供电所）',
  },
  {
    username: 'canteen',
    displayName: '何春燕',
    role: 'canteen_operator',
    scope: '610899001001',
    label: '助餐点操作员（和平社区老年食堂）',
  },
  {
    username: 'supervisor',
    displayName: '田秀英',
    role: 'supervisor',
    scope: '610899001001',
    label: '百姓监督员（和平社区）',
  },
  { username: 'resident', displayName: '黄玉兰', role: 'resident', scope: '610899001001', label: '居民（和平社区）' },
  // 在职党员双报到: a party member who works at the co-building unit and lives in 和平社区.
  { username: 'party', displayName: '冯建军', role: 'resident', scope: '610899001001', label: '在职党员（和平社区）' },
] as const;

export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('places').select('id').where('code', '=', demoCounty.code).executeTakeFirst();
  return row !== undefined;
}

/** Community rectangle split into a lattice whose inner vertices are jittered, so the grids tile it exactly. */
function latticeCells(random: Random, x0: number, y0: number, cols: number, rows: number): GeoJsonPolygon[] {
  const w = communitySize.lng / cols;
  const h = communitySize.lat / rows;
  const vertex: [number, number][][] = [];
  for (let i = 0; i <= cols; i++) {
    vertex.push([]);
    for (let j = 0; j <= rows; j++) vertex[i].push(latticeVertex(random, { x0, y0, w, h, cols, rows }, i, j));
  }
  const cells: GeoJsonPolygon[] = [];
  for (let j = rows - 1; j >= 0; j--) {
    for (let i = 0; i < cols; i++) {
      const ring = [vertex[i][j], vertex[i + 1][j], vertex[i + 1][j + 1], vertex[i][j + 1], vertex[i][j]];
      cells.push({ type: 'Polygon', coordinates: [ring] });
    }
  }
  return cells;
}

/** Vertex (i, j): inner ones move both ways, those on the rim only along it, corners stay. */
function latticeVertex(
  random: Random,
  lattice: { x0: number; y0: number; w: number; h: number; cols: number; rows: number },
  i: number,
  j: number,
): [number, number] {
  const { x0, y0, w, h, cols, rows } = lattice;
  const inner = i > 0 && i < cols && j > 0 && j < rows;
  const edgeX = i > 0 && i < cols ? random.between(-0.2, 0.2) * w : 0;
  const edgeY = j > 0 && j < rows ? random.between(-0.2, 0.2) * h : 0;
  return [
    round(x0 + i * w + (inner || j === 0 || j === rows ? edgeX : 0)),
    round(y0 + j * h + (inner || i === 0 || i === cols ? edgeY : 0)),
  ];
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A point inside a quadrilateral cell, away from its edges. */
function pointIn(random: Random, cell: GeoJsonPolygon): [number, number] {
  const [a, b, c, d] = cell.coordinates[0];
  for (;;) {
    const u = random.between(0.15, 0.85);
    const v = random.between(0.15, 0.85);
    const lng = (1 - v) * ((1 - u) * a[0] + u * b[0]) + v * ((1 - u) * d[0] + u * c[0]);
    const lat = (1 - v) * ((1 - u) * a[1] + u * b[1]) + v * ((1 - u) * d[1] + u * c[1]);
    if (containsPoint(cell, lng, lat)) return [round(lng), round(lat)];
  }
}

type Layout = ReturnType<typeof layOutCounty>;

/** Milliseconds each part of the seed took, logged with the counts (bench/startup.ts prints them). */
function phaseTimer() {
  const phases: Record<string, number> = {};
  const timed = async <T>(name: string, part: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await part();
    } finally {
      phases[name] = Date.now() - started;
    }
  };
  return { phases, timed };
}
type DemoUser = { username: string; displayName: string; role: string; scope: string };

export async function seedDemo(
  db: Db,
  pii: PiiCipher,
  now: Date,
  caseCount = 10_000,
): Promise<{ households: number; grids: number; residents: number; cases: number }> {
  const random = new Random(DEMO_SEED);
  const started = Date.now();
  const { phases, timed } = phaseTimer();
  return db.transaction().execute(async (trx) => {
    await timed('regions', () => importRegions(trx, provinceRegions(demoCounty.provinceCode), now));
    const city = await trx
      .selectFrom('places')
      .select(['id', 'path'])
      .where('code', '=', demoCounty.cityCode)
      .executeTakeFirstOrThrow();
    const layout = layOutCounty(random, city, now);
    const { places, grids, households } = layout;
    await timed('layout', () => insertLayout(trx, random, layout, now));
    // Demo logins share one password, so hash it once; every grid gets a grid worker.
    const passwordHash = await timed('password', () => hashPassword(DEMO_PASSWORD));
    const placeIds = new Map(places.map((p) => [p.code, p.id]));
    const users = demoUserList(random, places);
    const userIds = await timed('users', () => insertUsers(trx, users, { passwordHash, placeIds, now }));
    const placeRefs = places.map((p) => ({ id: p.id, code: p.code, name: p.name, kind: p.kind, path: p.path }));
    const people = await timed('people', () => seedDemoPeople(trx, random, pii, placeRefs, now));
    await timed('staff', () => equipStaff(trx, pii, users, { userIds, placeIds, now }));
    const caseStats = await timed('cases', () => seedDemoCases(trx, random, pii, now, caseCount));
    const whistleStats = await timed('whistles', () => seedDemoWhistles(trx, random, now));
    const disputeStats = await timed('disputes', () => seedDemoDisputes(trx, random, pii, now));
    await timed('rollups', () => rebuildRollups(trx));
    await timed('dutyLists', () => seedDutyLists(trx, placeIds, now));
    const taskStats = await timed('dutyTasks', () => seedDemoDutyTasks(trx, random, now));
    const legalStats = await timed('legal', () => seedDemoLegal(trx, random, now));
    const visitStats = await timed('visits', () => seedDemoVisits(trx, new Random(DEMO_SEED + 2), now));
    const spotStats = await timed('spots', () => seedDemoSpots(trx, now));
    const teamStats = await timed('teams', () =>
      seedDemoTeams(trx, { userIds, placeIds, now, tenantId: demoCounty.code }),
    );
    const catalogueStats = await timed('catalogue', () => seedDemoCatalogue(trx, demoCounty.code, now));
    // 办件 (issue 15): after the demo catalogue, over its items and bundles.
    const serviceStats = await timed('services', () =>
      seedDemoServiceApplications(trx, new Random(DEMO_SEED + 15), pii, now),
    );
    const assistStats = await timed('assistance', () =>
      seedDemoAssistance(trx, new Random(DEMO_SEED + 3), { userIds, now }),
    );
    const hallStats = await timed('hall', () => seedDemoHall(trx, new Random(DEMO_SEED + 15), pii, now));
    const life = { pii, userIds, placeIds, tenantId: demoCounty.code, now };
    const communityStats = await timed('communityLife', () => seedDemoCommunityLife(trx, life, DEMO_SEED + 16));
    const decideStats = await timed('deciding', () => seedDemoDeciding(trx, life, DEMO_SEED + 17));
    const dispatchStats = await timed('dispatch', () => seedDemoDispatch(trx, demoCounty.code, now));
    log.info('demo data seeded', {
      grids: grids.length,
      households: households.length,
      users: users.length,
      ...people,
      ...caseStats,
      ...whistleStats,
      ...disputeStats,
      ...taskStats,
      ...legalStats,
      ...visitStats,
      ...spotStats,
      ...teamStats,
      ...catalogueStats,
      ...serviceStats,
      ...assistStats,
      ...hallStats,
      ...communityStats,
      ...decideStats,
      ...dispatchStats,
      ms: Date.now() - started,
      phases,
    });
    return { households: households.length, grids: grids.length, residents: people.residents, cases: caseStats.cases };
  });
}

/** Streets, communities, grids (a jittered lattice per community), buildings, units and households, in memory. */
export function layOutCounty(random: Random, city: { id: string; path: string }, now: Date) {
  const tenant = demoCounty.code;
  const places: NewPlace[] = [];
  const grids: {
    place_id: string;
    tenant_id: string;
    grid_kind: 'comprehensive';
    dedicated_for: null;
    boundary: string;
    min_lng: number;
    min_lat: number;
    max_lng: number;
    max_lat: number;
  }[] = [];
  const buildings: BuildingRow[] = [];
  const households: HouseholdRow[] = [];
  const add = (code: string, name: string, kind: NewPlace['kind'], parent: { id: string; path: string }) => {
    const place = {
      id: newId(),
      tenant_id: tenant,
      code,
      name,
      kind,
      parent_id: parent.id,
      path: pathOf(parent.path, code),
      status: 'active' as const,
      created_at: now,
      updated_at: now,
      retired_at: null,
    };
    places.push(place);
    return place;
  };

  const county = add(demoCounty.code, demoCounty.name, 'county', city);
  let communityIndex = 0;
  for (const street of streets) {
    const streetPlace = add(street.code, street.name, 'street', county);
    for (const [c, communityName] of street.communities.entries()) {
      const communityCode = `${street.code}${String(c + 1).padStart(3, '0')}`;
      const community = add(communityCode, communityName, 'community', streetPlace);
      const [cols, rows] = lattices[communityIndex];
      const x0 = origin.lng + (communityIndex % 4) * communitySize.lng;
      const y0 = origin.lat - Math.floor(communityIndex / 4) * communitySize.lat;
      communityIndex++;
      const cells = latticeCells(random, x0, y0, cols, rows);
      let buildingNo = 0;
      for (const [g, cell] of cells.entries()) {
        const gridCode = `${communityCode}${String(g + 1).padStart(3, '0')}`;
        const grid = add(gridCode, `${communityName}第${'一二三四五六七八九十'[g]}网格`, 'grid', community);
        const box = bboxOf(cell);
        grids.push({
          place_id: grid.id,
          tenant_id: tenant,
          grid_kind: 'comprehensive',
          dedicated_for: null,
          boundary: JSON.stringify(cell),
          min_lng: box.minLng,
          min_lat: box.minLat,
          max_lng: box.maxLng,
          max_lat: box.maxLat,
        });
        const buildingCount = random.int(4, 7);
        for (let b = 0; b < buildingCount; b++) {
          buildingNo++;
          layOutBuilding(random, { add, buildings, households }, grid, {
            cell,
            communityCode,
            addressPrefix: `${demoCounty.name}${street.name}${communityName}`,
            buildingNo,
          });
        }
      }
    }
  }
  return { places, grids, buildings, households };
}

interface BuildingRow {
  place_id: string;
  tenant_id: string;
  lng: number;
  lat: number;
  floors: number;
  address: string;
}
interface HouseholdRow {
  place_id: string;
  tenant_id: string;
  address: string;
  room: string;
  floor: number;
}
type AddPlace = (
  code: string,
  name: string,
  kind: NewPlace['kind'],
  parent: { id: string; path: string },
) => { id: string; code: string; path: string };

/** One building of a grid: a point inside the grid, two or three units, two households a floor. */
function layOutBuilding(
  random: Random,
  out: { add: AddPlace; buildings: BuildingRow[]; households: HouseholdRow[] },
  grid: { id: string; path: string },
  at: { cell: GeoJsonPolygon; communityCode: string; addressPrefix: string; buildingNo: number },
) {
  const { add, buildings, households } = out;
  const { cell, communityCode, buildingNo } = at;
  const tenant = demoCounty.code;
  const floors = random.int(5, 7);
  const [lng, lat] = pointIn(random, cell);
  const address = `${at.addressPrefix}${buildingNo}号楼`;
  const building = add(`${communityCode}-${buildingNo}`, `${buildingNo}号楼`, 'building', grid);
  buildings.push({ place_id: building.id, tenant_id: tenant, lng, lat, floors, address });
  const unitCount = random.int(2, 3);
  for (let u = 1; u <= unitCount; u++) {
    const unit = add(`${building.code}-${u}`, `${u}单元`, 'unit', building);
    for (let floor = 1; floor <= floors; floor++) {
      for (let door = 1; door <= 2; door++) {
        const room = `${floor}0${door}`;
        const household = add(`${unit.code}-${room}`, `${buildingNo}-${u}-${room}`, 'household', unit);
        households.push({
          place_id: household.id,
          tenant_id: tenant,
          address: `${address}${u}单元${room}室`,
          room,
          floor,
        });
      }
    }
  }
}

/** The places, grids, buildings and households laid out, and the county's departments. */
async function insertLayout(trx: Transaction<Database>, random: Random, layout: Layout, now: Date) {
  const { places, grids, buildings, households } = layout;
  const tenant = demoCounty.code;
  const batch = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await batch(places, (chunk) => trx.insertInto('places').values(chunk).execute());
  await batch(grids, (chunk) => trx.insertInto('grids').values(chunk).execute());
  await batch(buildings, (chunk) => trx.insertInto('buildings').values(chunk).execute());
  await batch(households, (chunk) => trx.insertInto('households').values(chunk).execute());
  await trx.updateTable('system_counters').set({ value: 2 }).where('name', '=', 'grids').execute();

  await trx
    .insertInto('departments')
    .values(
      departments.map((d) => ({
        id: newId(),
        tenant_id: tenant,
        code: d.code,
        name: d.name,
        kind: d.kind,
        street_code: d.street,
        phone: `0912-${random.int(4000000, 4999999)}`,
        created_at: now,
      })),
    )
    .execute();
}

/** The named demo logins, a grid worker for every other grid, a worker for every community, a handler for every department. */
function demoUserList(random: Random, places: { kind: string; code: string }[]): DemoUser[] {
  const users = demoUsers.map(
    (u) => ({ ...u }) as { username: string; displayName: string; role: string; scope: string },
  );
  const staffed = new Set(users.filter((u) => u.role === 'grid_worker').map((u) => u.scope));
  let workerNo = 0;
  for (const grid of places.filter((p) => p.kind === 'grid' && !staffed.has(p.code))) {
    workerNo++;
    users.push({
      username: `wg${String(workerNo).padStart(3, '0')}`,
      displayName: personName(random),
      role: 'grid_worker',
      scope: grid.code,
    });
  }
  // Every community has a worker who dispatches its cases and every department a handler who takes
  // them, so each step of a case names a person. Their names come from a stream of their own, so the
  // residents drawn next stay who they were.
  const staffRandom = new Random(DEMO_SEED + 1);
  const staffName = () => {
    for (;;) {
      const name = personName(staffRandom);
      if (!users.some((u) => u.displayName === name)) return name;
    }
  };
  const dispatching = new Set(users.filter((u) => u.role === 'community_worker').map((u) => u.scope));
  let communityWorkerNo = 0;
  for (const community of places.filter((p) => p.kind === 'community' && !dispatching.has(p.code))) {
    communityWorkerNo++;
    users.push({
      username: `sq${String(communityWorkerNo).padStart(3, '0')}`,
      displayName: staffName(),
      role: 'community_worker',
      scope: community.code,
    });
  }
  const handling = new Set(users.filter((u) => u.role === 'department_handler').map((u) => u.scope));
  let handlerNo = 0;
  for (const department of departments.filter((d) => !handling.has(d.code))) {
    handlerNo++;
    users.push({
      username: `bm${String(handlerNo).padStart(3, '0')}`,
      displayName: staffName(),
      role: 'department_handler',
      scope: department.code,
    });
  }
  return users;
}

/** The users and their memberships; returns their ids by username. */
async function insertUsers(
  trx: Transaction<Database>,
  users: DemoUser[],
  context: { passwordHash: string; placeIds: Map<string, string>; now: Date },
) {
  const { passwordHash, placeIds, now } = context;
  const tenant = demoCounty.code;
  const deptIds = new Map(
    (await trx.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  await trx
    .insertInto('users')
    .values(
      users.map((u) => ({
        id: newId(),
        tenant_id: tenant,
        username: u.username,
        display_name: u.displayName,
        password_hash: passwordHash,
        password_changed_at: now,
        created_at: now,
      })),
    )
    .execute();
  const userIds = new Map(
    (await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
  );
  await trx
    .insertInto('memberships')
    .values(
      users.map((u) => ({
        id: newId(),
        tenant_id: tenant,
        user_id: userIds.get(u.username)!,
        role: u.role,
        place_id: u.scope.startsWith('D') ? null : placeIds.get(u.scope)!,
        department_id: u.scope.startsWith('D') ? deptIds.get(u.scope)! : null,
        created_at: now,
      })),
    )
    .execute();
  return userIds;
}

async function equipStaff(
  trx: Transaction<Database>,
  pii: PiiCipher,
  users: DemoUser[],
  context: { userIds: Map<string, string>; placeIds: Map<string, string>; now: Date },
) {
  const { userIds, placeIds, now } = context;
  const tenant = demoCounty.code;
  // Demo staff get fictional mobiles, and each community worker is on duty for their community.
  for (const [i, u] of users.entries()) {
    const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
    await trx
      .updateTable('users')
      .set({ phone_enc: pii.encrypt(phone), phone_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}` })
      .where('username', '=', u.username)
      .execute();
  }
  await trx
    .insertInto('duty_roster')
    .values(
      users
        .filter((u) => u.role === 'community_worker')
        .map((u) => ({
          id: newId(),
          tenant_id: tenant,
          community_id: placeIds.get(u.scope)!,
          user_id: userIds.get(u.username)!,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          created_at: now,
        })),
    )
    .execute();
}

/** Each street's list of community duties (权责清单), 2026 edition. */
async function seedDutyLists(trx: Transaction<Database>, placeIds: Map<string, string>, now: Date) {
  const tenant = demoCounty.code;
  for (const street of streets) {
    const listId = newId();
    const items = demoDutyItems();
    await trx
      .insertInto('duty_lists')
      .values({
        id: listId,
        tenant_id: tenant,
        street_id: placeIds.get(street.code)!,
        version: 1,
        title: `${street.name}社区权责清单（2026年版）`,
        effective_from: '2026-01-01',
        effective_to: null,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('duty_items')
      .values(
        items.map((r, i) => ({
          id: newId(),
          tenant_id: tenant,
          list_id: listId,
          kind: r.kind,
          ref: r.ref,
          class_name: r.className,
          item_name: r.itemName,
          sub_item_name: r.subItemName,
          legal_basis: r.legalBasis,
          department_kind: r.departmentKind,
          category_codes: r.categoryCodes,
          keywords: r.keywords,
          sort: i,
        })),
      )
      .execute();
  }
}
