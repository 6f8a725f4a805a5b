import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { writeDutySheet } from '../../src/server/features/duties/excel.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { Session, type TestContext } from './app.js';
import {
  buildBuilding,
  buildGrid,
  buildPlace,
  buildUser,
  buildWorld,
  givePhone,
  putOnDuty,
  square,
  userIdOf,
} from './factories.js';
import { tinyPng } from './files.js';
import { loginCodeOf, ratingTokenOf } from './handset.js';

// The world the text fuzz runs in, and for each operation that stores text a recipe: who may call
// it, and a request it accepts (fresh cases, residents, disputes … where an accepted request uses
// one up). Fields a recipe names as lookups are compared or searched, not stored as given.

export type Parts = { params?: Record<string, string>; query?: Record<string, string>; body?: Record<string, unknown> };
export interface Recipe {
  as: string | ((field: string) => string);
  parts?: (field: string, fresh: boolean) => Promise<Parts>;
  lookups?: string[];
  /** After a 2xx: what the accepted request changed that the next one must know (a new password). */
  after?: (field: string, value: string) => void;
}

export async function fuzzWorld(ctx: TestContext) {
  const { deps } = ctx;
  /** A 协商会 a week after the app's clock. */
  const meetingAt = () => new Date(deps.clock.now().getTime() + 7 * 86_400_000).toISOString();
  const world = await buildWorld(deps);
  await buildUser(deps, 'lawyer', 'legal_adviser', world.c1.code);
  await buildUser(deps, 'pwuser', 'community_worker', world.c1.code);
  await buildUser(deps, 'loginuser', 'community_worker', world.c1.code);
  for (const [user, phone] of [
    ['worker1', '13900000001'],
    ['receiver', '13900000003'],
    ['lawyer', '13900000077'],
    ['gridA', '13900000004'],
  ])
    await givePhone(deps, user, phone);
  await putOnDuty(deps, 'worker1', world.c1.code);

  const sessions = new Map<string, Session>();
  let password = 'Passw0rd!';
  const as = async (user: string): Promise<Session> => {
    if (user === 'anonymous') return new Session(ctx);
    if (!sessions.has(user))
      sessions.set(
        user,
        user === 'resident'
          ? await residentSession(ctx, '13512340000')
          : await new Session(ctx).login(user, user === 'pwuser' ? password : undefined),
      );
    return sessions.get(user)!;
  };
  const ok = async <T>(res: Promise<{ status: number; body: any }>): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`fixture request failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const worker = await as('worker1');
  const household = world.inA.households[0].code;
  let serial = 0;
  const next = () => ++serial;

  const newCase = async (state: 'submitted' | 'accepted') => {
    const c = await ok<{ id: string; trackingCode: string }>(
      worker.post('/api/v1/cases', {
        channel: 'hotline',
        placeCode: household,
        description: '楼道灯坏了好几天了',
        reporterName: '陈阿姨',
        reporterPhone: '13812345678',
      }),
    );
    if (state === 'accepted') await ok(worker.post(`/api/v1/cases/${c.id}/actions/accept`, {}));
    return c;
  };
  const resolvedCase = async () => {
    const c = await newCase('accepted');
    await ok(worker.post(`/api/v1/cases/${c.id}/actions/resolve`, { result: '已更换灯泡' }));
    return c;
  };
  const newResident = async (phone?: string) =>
    (
      await ok<{ id: string }>(
        worker.post('/api/v1/residents', { householdCode: household, name: '测试居民', ...(phone ? { phone } : {}) }),
      )
    ).id;
  const newDispute = async () =>
    (
      await ok<{ id: string }>(
        worker.post('/api/v1/disputes', {
          placeCode: world.c1.code,
          disputeType: 'neighbour',
          summary: '楼上漏水到楼下',
          source: 'walk_in',
          risk: 'low',
          parties: [{ role: 'applicant', name: '陈阿姨' }],
        }),
      )
    ).id;
  const agreedDispute = async () => {
    const id = await newDispute();
    await ok(
      worker.post(`/api/v1/disputes/${id}/mediations`, {
        mediators: ['王调解'],
        record: '双方达成一致',
        outcome: 'agreed',
        agreementText: '楼上负责维修',
      }),
    );
    return id;
  };
  const newSummons = async (until: 'arrived' | 'reported') => {
    const w = await ok<{ id: string }>(
      worker.post('/api/v1/whistles', {
        placeCode: world.c1.code,
        subject: '楼道漏水',
        request: '请到场处置',
        departmentCodes: ['D61089901'],
      }),
    );
    const receiver = await as('receiver');
    const id = (await ok<{ summonses: { id: string }[] }>(receiver.get(`/api/v1/whistles/${w.id}`))).summonses[0].id;
    for (const action of ['acknowledge', 'checkIn', ...(until === 'reported' ? ['report'] : [])])
      await ok(
        receiver.post(
          `/api/v1/summonses/${id}/actions/${action}`,
          action === 'report' ? { note: '已到场处置完毕' } : {},
        ),
      );
    return id;
  };
  const newQuestion = async () =>
    (
      await ok<{ id: string }>(
        (await as('resident')).post('/api/v1/legal-questions', {
          communityCode: world.c1.code,
          question: '邻居家漏水怎么办？',
          public: false,
        }),
      )
    ).id;
  // Grids of a community of their own, far from the others, for merging and splitting.
  const c3 = await buildPlace(deps, {
    kind: 'community',
    code: '610899001003',
    name: '新村社区',
    parent: world.street,
  });
  const freshGrid = async (lng: number, size = 0.01) => {
    const last = await deps.db
      .selectFrom('places')
      .select('code')
      .where('parent_id', '=', c3.id)
      .orderBy('code', 'desc')
      .executeTakeFirst();
    return (await buildGrid(deps, c3, String(Number(last?.code.slice(12) ?? 100) + 1), square(lng, 38, size))).code;
  };
  const dutySheet = await writeDutySheet([
    {
      kind: 'self_governance',
      ref: 'Z-1',
      className: '居民自治',
      itemName: '调解纠纷',
      subItemName: '',
      legalBasis: '',
      departmentKind: null,
      categoryCodes: [],
      keywords: [],
    },
  ]);
  const partyOrg = (
    await ok<{ id: string }>(
      (await as('admin')).post('/api/v1/party-orgs', {
        name: '城关街道党工委',
        kind: 'street_committee',
        placeCode: world.street.code,
      }),
    )
  ).id;
  const staticCase = await newCase('submitted');
  const staticResident = await newResident('13812340000');
  const staticDispute = await agreedDispute();
  const memo = new Map<string, Parts>();
  /** Fresh parts for an accepted request; the same parts again for a refused one. */
  const once = (key: string, fresh: boolean, make: () => Promise<Parts>) =>
    fresh || !memo.has(key) ? make().then((p) => (memo.set(key, p), p)) : Promise.resolve(memo.get(key)!);

  // 楼门管家: a building of its own for each accepted nomination or vote (one standing nomination
  // per person and one open vote per building), nominated by the community worker.
  const gridAId = await userIdOf(deps, 'gridA');
  const freshBuilding = async () =>
    (await buildBuilding(deps, world.gridA, `F${next()}`, [108.005, 37.005])).building.code;
  const nominatedBuilding = async () => {
    const { building, households } = await buildBuilding(deps, world.gridA, `F${next()}`, [108.005, 37.005]);
    const code = building.code;
    // the vote's roll: a resident registered in the building
    await ok(worker.post('/api/v1/residents', { householdCode: households[0].code, name: '投票居民' }));
    await ok(worker.post(`/api/v1/community/stewards/buildings/${code}/nominations`, { reason: '热心' }));
    // a kernel vote needs two candidates (issue 17): the grid's worker stands too
    await ok(worker.post(`/api/v1/community/stewards/buildings/${code}/nominations`, { nomineeUserId: gridAId }));
    return code;
  };

  const caseAction: Record<string, [string, 'submitted' | 'accepted', Record<string, unknown>]> = {
    note: ['accept', 'submitted', {}],
    reason: ['reject', 'submitted', { kind: 'invalid' }],
    result: ['resolve', 'accepted', {}],
    duplicateOf: ['reject', 'submitted', { kind: 'duplicate', reason: '重复反映' }],
  };
  const recipes: Record<string, Recipe> = {
    'POST /api/v1/auth/login': {
      as: 'anonymous',
      parts: async () => ({ body: { username: 'loginuser', password: 'Passw0rd!' } }),
      lookups: ['username', 'password'],
    },
    'POST /api/v1/me/password': {
      as: 'pwuser',
      parts: async () => ({ body: { currentPassword: password, newPassword: 'Passw0rd!2' } }),
      lookups: ['currentPassword', 'newPassword'],
      after: (field, value) => {
        if (field === 'newPassword') password = value;
      },
    },
    'POST /api/v1/public/login-code': { as: 'anonymous', lookups: ['phone'] },
    'POST /api/v1/auth/phone-login': { as: 'anonymous', lookups: ['phone'] },
    'POST /api/v1/places': {
      as: 'admin',
      parts: async () => ({
        body: {
          parentCode: world.gridA.code,
          kind: 'building',
          name: '9号楼',
          localCode: `F${next()}`,
          lng: 108.005,
          lat: 37.005,
          floors: 6,
          address: '和平路1号',
        },
      }),
    },
    'PATCH /api/v1/places/{code}': {
      as: 'admin',
      parts: async () => ({ params: { code: world.gridB.code }, body: { name: '和平二网格' } }),
    },
    'POST /api/v1/grids': {
      as: 'admin',
      parts: async () => ({
        body: {
          communityCode: world.c2.code,
          name: '学校网格',
          gridKind: 'dedicated',
          dedicatedFor: '第一小学',
          boundary: square(110 + next() * 0.02, 37),
        },
      }),
    },
    'POST /api/v1/grids/merge': {
      as: 'admin',
      parts: (f, fresh) =>
        once(f, fresh, async () => {
          const lng = 112 + next() * 0.05;
          return {
            body: { codes: [await freshGrid(lng), await freshGrid(lng + 0.01)], name: '合并网格', reason: '人口减少' },
          };
        }),
    },
    'POST /api/v1/grids/{code}/split': {
      as: 'admin',
      parts: (f, fresh) =>
        once(f, fresh, async () => {
          const lng = 114 + next() * 0.05;
          return {
            params: { code: await freshGrid(lng, 0.02) },
            body: {
              parts: [
                { name: '东片', boundary: square(lng, 38, 0.01) },
                {
                  name: '西片',
                  boundary: {
                    type: 'Polygon',
                    coordinates: [
                      [
                        [lng + 0.01, 38],
                        [lng + 0.02, 38],
                        [lng + 0.02, 38.02],
                        [lng, 38.02],
                        [lng, 38.01],
                        [lng + 0.01, 38.01],
                        [lng + 0.01, 38],
                      ],
                    ],
                  },
                },
              ],
              reason: '人口增加',
            },
          };
        }),
    },
    'POST /api/v1/residents': {
      as: 'worker1',
      parts: async () => ({ body: { householdCode: household, name: '测试居民', notes: '' } }),
      lookups: ['idNumber', 'phone'],
    },
    'PATCH /api/v1/residents/{id}': {
      as: 'worker1',
      parts: async () => ({ params: { id: staticResident }, body: { name: '测试居民' } }),
      lookups: ['idNumber', 'phone'],
    },
    'POST /api/v1/residents/{id}/move': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({
          params: { id: await newResident() },
          body: { householdCode: world.inA.households[1].code, note: '' },
        })),
    },
    'POST /api/v1/residents/{id}/move-out': {
      as: 'worker1',
      parts: (f, fresh) => once(f, fresh, async () => ({ params: { id: await newResident() }, body: { note: '' } })),
    },
    'POST /api/v1/residents/{id}/death': {
      as: 'worker1',
      parts: (f, fresh) => once(f, fresh, async () => ({ params: { id: await newResident() }, body: { note: '' } })),
    },
    'POST /api/v1/residents/{id}/reveal': {
      as: 'worker1',
      parts: async () => ({ params: { id: staticResident }, body: { field: 'phone', reason: '上门走访' } }),
    },
    'GET /api/v1/residents/{id}': { as: 'worker1', parts: async () => ({ params: { id: staticResident } }) },
    'POST /api/v1/cases': {
      as: 'worker1',
      parts: async () => ({
        body: {
          channel: 'hotline',
          placeCode: household,
          description: '楼道灯坏了好几天了',
          reporterName: '陈阿姨',
          reporterPhone: '13812345678',
          address: '和平路1号',
        },
      }),
      lookups: ['reporterPhone'],
    },
    'POST /api/v1/cases/{id}/actions/{action}': {
      as: 'worker1',
      lookups: ['duplicateOf'],
      parts: (f, fresh) =>
        once(f, fresh, async () => {
          const [action, state, body] = caseAction[f] ?? ['accept', 'submitted', {}];
          return { params: { id: (await newCase(state)).id, action }, body };
        }),
    },
    'GET /api/v1/cases/{id}': { as: 'worker1', parts: async () => ({ params: { id: staticCase.id } }) },
    'POST /api/v1/whistles': {
      as: 'worker1',
      parts: async () => ({
        body: {
          placeCode: world.c1.code,
          subject: '楼道漏水',
          request: '请到场处置',
          departmentCodes: ['D61089901'],
          // a meeting place goes with a meeting time (协商会)
          meetingAt: meetingAt(),
        },
      }),
      lookups: ['placeCode'],
    },
    'GET /api/v1/whistle-advisers': { as: 'worker1', lookups: ['placeCode'] },
    'POST /api/v1/summonses/{id}/actions/{action}': {
      as: (f) => (f === 'comment' ? 'worker1' : 'receiver'),
      parts: (f, fresh) =>
        once(f, fresh, async () =>
          f === 'comment'
            ? { params: { id: await newSummons('reported'), action: 'score' }, body: { score: 4 } }
            : { params: { id: await newSummons('arrived'), action: 'report' }, body: { note: '已处置' } },
        ),
    },
    'POST /api/v1/disputes': {
      as: 'worker1',
      parts: async () => ({
        body: {
          placeCode: world.c1.code,
          disputeType: 'neighbour',
          summary: '楼上漏水到楼下',
          source: 'walk_in',
          risk: 'low',
          parties: [{ role: 'applicant', name: '陈阿姨' }],
        },
      }),
      lookups: ['placeCode', 'parties.0.phone', 'parties.0.idNumber'],
    },
    'POST /api/v1/disputes/{id}/mediations': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({
          params: { id: await newDispute() },
          body: {
            mediators: ['王调解'],
            legalAdvisers: ['李律师'],
            record: '双方陈述了意见',
            outcome: 'agreed',
            agreementText: '楼上负责维修',
          },
        })),
    },
    'POST /api/v1/disputes/{id}/followups': {
      as: 'worker1',
      parts: async () => ({ params: { id: staticDispute }, body: { note: '回访情况良好' } }),
    },
    'POST /api/v1/disputes/{id}/handover': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({
          params: { id: await newDispute() },
          body: { note: '移交司法所', to: 'justice_office' },
        })),
    },
    'POST /api/v1/disputes/{id}/close': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({ params: { id: await agreedDispute() }, body: { note: '已化解' } })),
    },
    // The county's lists: relabel an existing entry (the code in the path is a real one).
    'PATCH /api/v1/resident-tags/{code}': {
      as: 'admin',
      parts: async () => ({ params: { code: 'legal_aid' }, body: { labelZh: '法律援助对象' } }),
    },
    'PATCH /api/v1/organisation-kinds/{code}': {
      as: 'admin',
      parts: async () => ({ params: { code: 'social_org' }, body: { labelZh: '社会组织' } }),
    },
    'POST /api/v1/disputes/{id}/whistle': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({
          params: { id: await newDispute() },
          body: { request: '请司法所到场', departmentCodes: ['D61089901'], meetingAt: meetingAt() },
        })),
    },
    'GET /api/v1/disputes/analysis.pdf': { as: 'worker1', lookups: ['under'] },
    'POST /api/v1/duty-lists/import': {
      as: 'officer',
      parts: async () => ({
        query: { streetCode: world.street.code, title: '权责清单', effectiveFrom: '2026-01-01' },
        body: { file: dutySheet },
      }),
    },
    'POST /api/v1/duty-tasks': {
      as: 'receiver',
      parts: async () => ({
        body: { communityCode: world.c1.code, title: '入户调查', description: '', itemRef: 'Z-1' },
      }),
      lookups: ['itemRef'],
    },
    'POST /api/v1/legal-questions': {
      as: 'resident',
      parts: async () => ({ body: { communityCode: world.c1.code, question: '邻居家漏水怎么办？', public: false } }),
    },
    'POST /api/v1/legal-questions/{id}/answer': {
      as: 'lawyer',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({ params: { id: await newQuestion() }, body: { answer: '可以申请调解' } })),
    },
    'POST /api/v1/api-keys': { as: 'admin', parts: async () => ({ body: { name: '市民热线' } }) },
    'POST /api/v1/public/cases': {
      as: 'anonymous',
      parts: async () => ({
        body: {
          communityCode: world.c1.code,
          description: '楼道灯坏了好几天了',
          reporterName: '陈阿姨',
          reporterPhone: '13812345678',
          address: '和平路1号',
        },
      }),
      lookups: ['reporterPhone'],
    },
    'GET /api/v1/public/cases/{code}': {
      as: 'anonymous',
      parts: async () => ({ params: { code: staticCase.trackingCode }, query: { phone4: '5678' } }),
      lookups: ['t'],
    },
    'POST /api/v1/public/cases/{code}/rating': {
      as: 'anonymous',
      lookups: ['token'],
      parts: (f, fresh) =>
        once(f, fresh, async () => {
          const { trackingCode } = await resolvedCase();
          return {
            params: { code: trackingCode },
            body: {
              token: await ratingTokenOf(ctx, '13812345678', trackingCode),
              rating: 'satisfied',
              solved: true,
              comment: '',
            },
          };
        }),
    },
    'POST /api/v1/visit-logs': {
      as: 'gridA',
      parts: async () => ({ body: { id: randomUUID(), householdCode: household, content: '入户走访，一切正常' } }),
    },
    'POST /api/v1/party-orgs': {
      as: 'admin',
      parts: async () => ({ body: { name: '城关街道党工委', kind: 'street_committee', placeCode: world.street.code } }),
    },
    'POST /api/v1/party-members': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({ body: { residentId: await newResident(), partyOrgId: partyOrg } })),
    },
    'POST /api/v1/volunteers': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({
          body: { residentId: await newResident(), skills: ['理发'], team: '便民服务队' },
        })),
    },
    'POST /api/v1/in-service-members': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(f, fresh, async () => ({
          body: {
            residentId: await newResident(),
            workUnit: '县住建局',
            communityCode: world.c1.code,
            claimedPosts: ['楼道长'],
          },
        })),
    },
    'POST /api/v1/organisations': {
      as: 'worker1',
      parts: async () => ({
        body: {
          kind: 'property_company',
          name: '安居物业',
          placeCode: world.c1.code,
          contactName: '王经理',
          phone: '13900001111',
        },
      }),
      lookups: ['phone'],
    },
    'POST /api/v1/community/stewards/buildings/{code}/nominations': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(`nominate:${f}`, fresh, async () => ({
          params: { code: await freshBuilding() },
          body: { reason: '热心' },
        })),
    },
    'POST /api/v1/community/stewards/buildings/{code}/votes': {
      as: 'worker1',
      parts: (f, fresh) =>
        once(`vote:${f}`, fresh, async () => ({
          params: { code: await nominatedBuilding() },
          body: { title: '楼门管家选举' },
        })),
    },
    'POST /api/v1/files': { as: 'worker1', parts: async () => ({ body: { file: tinyPng } }) },
  };
  const samples = {
    byName: {
      under: world.c1.code,
      placeCode: world.c1.code,
      parent: world.c1.code,
      code: world.c1.code,
      communityCode: world.c1.code,
      householdCode: household,
      street: world.street.code,
      streetCode: world.street.code,
      department: 'D61089901',
    } as Record<string, unknown>,
    byPattern: {
      '^\\d{12}$': world.c1.code,
      '^[0-9A-Za-z-]+$': world.c1.code,
      '^[a-z_]{2,40}$': 'street_light',
      '^D\\d+$': 'D61089901',
      '^\\d{9}$': world.street.code,
      '^\\d{4}-(0[1-9]|1[0-2])$': '2026-11',
      '^[A-Za-z]{1,4}-\\d{8}-\\d{4,6}$': staticCase.trackingCode,
      '^\\d{4}$': '5678',
      '^\\d{6}$': '000000',
      '^[0-9A-Za-z]{1,8}$': '9',
      '^[a-z][a-z0-9_]{0,39}$': 'applicant', // a service form's field or material key
    } as Record<string, string>,
  };
  return { world, as, recipes, samples };
}

async function residentSession(ctx: TestContext, phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  const res = await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  if (res.status !== 200) throw new Error(`resident login failed: ${res.status}`);
  return s;
}

/** Where a text is stored exactly as given: in a text column (alone or within a note), as an element of a text array, or as a string anywhere in a JSON column. */
export async function findStored(db: Db, value: string): Promise<string | null> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string }>`
    select table_name, column_name, data_type, udt_name from information_schema.columns
    where table_schema = current_schema() and (data_type in ('text', 'character varying', 'json', 'jsonb') or udt_name = '_text')`.execute(
    db,
  );
  // The value travels once per query, and the columns go 40 at a time: one query over every column of
  // every table (several hundred since issue 17) is a message PGlite's extended protocol drops
  // ("unnamed prepared statement does not exist").
  const v = sql`(select x from fuzz_value)`;
  const branches = columns.rows.map((c) => {
    const at = sql.lit(`${c.table_name}.${c.column_name}`);
    const col = sql.ref(c.column_name);
    const where =
      c.udt_name === '_text'
        ? sql`${v} = any(${col})`
        : c.data_type.startsWith('json')
          ? sql`jsonb_path_exists(${col}::jsonb, '$.** ? (@ == $v)', jsonb_build_object('v', ${v}))`
          : sql`strpos(${col}, ${v}) > 0`;
    return sql`(select ${at} as at from ${sql.table(c.table_name)} where ${where} limit 1)`;
  });
  for (let i = 0; i < branches.length; i += 40) {
    const found = await sql<{ at: string }>`with fuzz_value(x) as (select ${value}::text) ${sql.join(
      branches.slice(i, i + 40),
      sql` union all `,
    )} limit 1`.execute(db);
    if (found.rows[0]) return found.rows[0].at;
  }
  return null;
}
