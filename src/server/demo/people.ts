import type { Insertable, Transaction } from 'kysely';
import { idNumberCheckChar, maskIdNumber, maskPhone } from '../../shared/identity.js';
import type { Database, ResidentsTable } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { nameColumns } from '../features/people/identity-fields.js';
import { personName } from './names.js';
import type { Random } from './random.js';

// Residents of the demo county, their party organisations and rolls. Fictional, from the fixed seed.

interface HouseholdRef {
  id: string;
  code: string;
  path: string;
}
interface PlaceRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
}

const surnameOf = (name: string) => name[0];
const workUnits = [
  '县财政局',
  '县教育局',
  '县人民医院',
  '县税务局',
  '县自然资源局',
  '县第一中学',
  '县农商银行',
  '县交通运输局',
];
const posts = ['文明劝导岗', '政策宣讲岗', '环境整治岗', '助老服务岗', '平安巡逻岗'];
const skills = ['水电维修', '理发', '陪伴聊天', '法律咨询', '医疗保健', '文艺演出', '家电维修', '心理疏导'];
const teams = ['红马甲志愿服务队', '邻里守望队', '银发志愿队', '青年突击队'];

interface PersonContext {
  random: Random;
  pii: PiiCipher;
  tenant: string;
  year: number;
  now: Date;
  /** The sequence number keeps ID numbers unique per birth date. */
  perBirthDate: Map<string, number>;
}
type Member = { row: Insertable<ResidentsTable>; age: number };

export async function seedDemoPeople(
  trx: Transaction<Database>,
  random: Random,
  pii: PiiCipher,
  places: PlaceRef[],
  now: Date,
) {
  const tenant = '610899';
  const households = places.filter((p) => p.kind === 'household') as HouseholdRef[];
  const year = now.getUTCFullYear();
  const context: PersonContext = { random, pii, tenant, year, now, perBirthDate: new Map() };
  const residents = households.flatMap((household) => householdMembers(context, household)).map((m) => m.row);
  for (let i = 0; i < residents.length; i += 500)
    await trx
      .insertInto('residents')
      .values(residents.slice(i, i + 500))
      .execute();

  const { orgs, orgByPlace } = partyOrgs(places, tenant, now);
  await trx.insertInto('party_orgs').values(orgs).execute();

  const { members, volunteers, inService } = rolls(context, residents, { households, places, orgByPlace });
  for (let i = 0; i < members.length; i += 500)
    await trx
      .insertInto('party_members')
      .values(members.slice(i, i + 500))
      .execute();
  for (let i = 0; i < volunteers.length; i += 500)
    await trx
      .insertInto('volunteers')
      .values(volunteers.slice(i, i + 500))
      .execute();
  if (inService.length) await trx.insertInto('in_service_members').values(inService).execute();

  const organisations = organisationsOf(random, places, tenant, now);
  await trx.insertInto('organisations').values(organisations).execute();
  const joint = jointCommittee(places, orgByPlace, organisations, tenant, now);
  if (joint) {
    await trx.insertInto('party_orgs').values(joint.orgs).execute();
    await trx.insertInto('party_org_units').values(joint.units).execute();
  }
  return {
    residents: residents.length,
    partyMembers: members.length,
    volunteers: volunteers.length,
    inService: inService.length,
  };
}

/** The people of one household (none if it stands empty): a head, maybe a spouse and children, with their tags. */
function householdMembers(context: PersonContext, household: HouseholdRef): Member[] {
  const { random } = context;
  if (random.next() < 0.2) return []; // empty or not yet registered
  const alone = random.next() < 0.12;
  const headAge = alone ? random.int(66, 92) : random.int(28, 80);
  const headGender = random.next() < 0.6 ? 'male' : 'female';
  const head = person(context, household, 'head', headAge, headGender);
  const members = [head];
  if (!alone) {
    if (random.next() < 0.8)
      members.push(
        person(
          context,
          household,
          'spouse',
          Math.max(22, headAge + random.int(-4, 3)),
          headGender === 'male' ? 'female' : 'male',
        ),
      );
    const children = headAge < 65 ? random.int(0, 2) : random.int(0, 1);
    for (let c = 0; c < children; c++) {
      members.push(
        person(
          context,
          household,
          'child',
          Math.max(0, headAge - random.int(22, 34)),
          random.next() < 0.5 ? 'male' : 'female',
          surnameOf(head.row.name),
        ),
      );
    }
  }
  for (const m of members) m.row.tags = tagsOf(random, m, alone);
  return members;
}

function tagsOf(random: Random, m: Member, alone: boolean): string[] {
  const tags: string[] = [];
  if (m.age >= 80) tags.push('elderly');
  if (alone && m.age >= 65) tags.push('elderly_alone');
  if (random.next() < 0.025) tags.push('disabled');
  if (random.next() < 0.03) tags.push('subsistence');
  if (m.age < 16 && random.next() < 0.08) tags.push('left_behind_child');
  if (m.row.gender === 'male' && m.age > 40 && random.next() < 0.04) tags.push('veteran');
  if (random.next() < 0.01) tags.push('key_care');
  if (m.age > 50 && random.next() < 0.015) tags.push('serious_illness');
  return tags;
}

function person(
  context: PersonContext,
  household: HouseholdRef,
  relation: string,
  age: number,
  gender: 'male' | 'female',
  surname?: string,
): Member {
  const { random, pii, tenant, year, now, perBirthDate } = context;
  let name = personName(random);
  if (surname) name = surname + name.slice(1);
  const birthYear = year - age;
  const birth = `${birthYear}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const taken = perBirthDate.get(birth) ?? 0;
  perBirthDate.set(birth, taken + 1);
  const seq = String(taken * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${tenant}${birth}${seq}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const phone =
    age >= 14 && random.next() < 0.75
      ? `1${random.pick(['38', '39', '58', '59', '86', '87', '35', '36', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`
      : null;
  const row: Insertable<ResidentsTable> = {
    id: newId(),
    tenant_id: tenant,
    household_id: household.id,
    ...nameColumns(name),
    gender,
    birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    id_number_enc: pii.encrypt(idNumber),
    id_number_hash: pii.lookupHash(idNumber),
    id_number_masked: maskIdNumber(idNumber),
    phone_enc: phone ? pii.encrypt(phone) : null,
    phone_hash: phone ? pii.lookupHash(phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
    relation,
    residence: random.next() < 0.8 ? 'registered' : random.next() < 0.6 ? 'resident' : 'floating',
    tags: [],
    notes: '',
    created_at: now,
    updated_at: now,
  };
  return { row, age };
}

/** 党组织: street committee → community branch → grid branch. */
function partyOrgs(places: PlaceRef[], tenant: string, now: Date) {
  const orgByPlace = new Map<string, string>();
  const orgs: Insertable<Database['party_orgs']>[] = [];
  for (const kind of ['street', 'community', 'grid'] as const) {
    for (const place of places.filter((p) => p.kind === kind)) {
      const parentCode = place.path.split('/').filter(Boolean).at(-2)!;
      const id = newId();
      orgByPlace.set(place.code, id);
      orgs.push({
        id,
        tenant_id: tenant,
        parent_id: kind === 'street' ? null : orgByPlace.get(parentCode)!,
        place_id: place.id,
        created_at: now,
        name:
          kind === 'street'
            ? `${place.name}党工委`
            : kind === 'community'
              ? `${place.name}党总支`
              : `${place.name}党支部`,
        kind: kind === 'street' ? 'street_committee' : kind === 'community' ? 'community_branch' : 'grid_branch',
      });
    }
  }
  return { orgs, orgByPlace };
}

/** Party members (some of them in service in their community), and volunteers, among the adults. */
function rolls(
  context: PersonContext,
  residents: Insertable<ResidentsTable>[],
  where: { households: HouseholdRef[]; places: PlaceRef[]; orgByPlace: Map<string, string> },
) {
  const { random, tenant, year, now } = context;
  const { households, places, orgByPlace } = where;
  const householdPath = new Map(households.map((h) => [h.id, h.path]));
  const gridOf = (r: Insertable<ResidentsTable>) =>
    householdPath
      .get(r.household_id)!
      .split('/')
      .find((c) => /^\d{15}$/.test(c))!;
  const communityOf = (r: Insertable<ResidentsTable>) => gridOf(r).slice(0, 12);
  const communityIds = new Map(places.filter((p) => p.kind === 'community').map((p) => [p.code, p.id]));
  const adults = residents.filter((r) => year - Number(String(r.birth_date).slice(0, 4)) >= 18);
  const members: Insertable<Database['party_members']>[] = [];
  const volunteers: Insertable<Database['volunteers']>[] = [];
  const inService: Insertable<Database['in_service_members']>[] = [];
  for (const r of adults) {
    const age = year - Number(String(r.birth_date).slice(0, 4));
    if (random.next() < 0.08) {
      members.push({
        resident_id: r.id,
        tenant_id: tenant,
        party_org_id: orgByPlace.get(gridOf(r))!,
        joined_on: `${Math.min(year - 1, Math.max(year - age + 22, 1960))}-07-01`,
        member_kind: 'full',
        created_at: now,
      });
      if (age >= 25 && age <= 55 && random.next() < 0.35) {
        inService.push({
          resident_id: r.id,
          tenant_id: tenant,
          work_unit: random.pick(workUnits),
          community_id: communityIds.get(communityOf(r))!,
          claimed_posts: [random.pick(posts)],
          registered_at: now,
        });
      }
    }
    if (random.next() < 0.06) {
      volunteers.push({
        resident_id: r.id,
        tenant_id: tenant,
        skills: [random.pick(skills), random.pick(skills)].filter((s, i, a) => a.indexOf(s) === i),
        team: random.pick(teams),
        service_minutes: random.int(0, 120) * 30,
        registered_at: now,
      });
    }
  }
  return { members, volunteers, inService };
}

/**
 * 社区大党委 of the first community: under the street committee, with the street's school and the
 * community's property company as member units and a 法治功能型党支部 under it (issue 14).
 */
function jointCommittee(
  places: PlaceRef[],
  orgByPlace: Map<string, string>,
  organisations: Insertable<Database['organisations']>[],
  tenant: string,
  now: Date,
) {
  const community = places.find((p) => p.kind === 'community');
  if (!community) return null;
  const streetCode = community.path.split('/').filter(Boolean).at(-2)!;
  const street = places.find((p) => p.code === streetCode);
  const id = newId();
  const orgs: Insertable<Database['party_orgs']>[] = [
    {
      id,
      tenant_id: tenant,
      parent_id: orgByPlace.get(streetCode) ?? null,
      place_id: community.id,
      created_at: now,
      name: `${community.name}大党委`,
      kind: 'joint_committee',
    },
    {
      id: newId(),
      tenant_id: tenant,
      parent_id: id,
      place_id: community.id,
      created_at: now,
      name: `${community.name}法治功能型党支部`,
      kind: 'function_branch',
    },
  ];
  const members = organisations.filter(
    (o) =>
      (o.place_id === community.id && o.kind === 'property_company') ||
      (o.place_id === street?.id && o.kind === 'co_building_unit'),
  );
  const units = members.map((o) => ({ party_org_id: id, organisation_id: o.id, tenant_id: tenant, created_at: now }));
  return { orgs, units };
}

/** A property company and an owners' committee per community; a school and a club per street. */
function organisationsOf(random: Random, places: PlaceRef[], tenant: string, now: Date) {
  const organisations: Insertable<Database['organisations']>[] = [];
  for (const community of places.filter((p) => p.kind === 'community')) {
    organisations.push({
      id: newId(),
      tenant_id: tenant,
      kind: 'property_company',
      name: `${community.name.replace('社区', '')}物业服务有限公司`,
      place_id: community.id,
      contact_name: personName(random),
      phone: `0912-${random.int(3000000, 3999999)}`,
      created_at: now,
    });
    organisations.push({
      id: newId(),
      tenant_id: tenant,
      kind: 'owners_committee',
      name: `${community.name}业主委员会`,
      place_id: community.id,
      contact_name: personName(random),
      phone: '',
      created_at: now,
    });
  }
  for (const street of places.filter((p) => p.kind === 'street')) {
    organisations.push({
      id: newId(),
      tenant_id: tenant,
      kind: 'co_building_unit',
      name: `${street.name.replace('街道', '')}中学`,
      place_id: street.id,
      contact_name: personName(random),
      phone: `0912-${random.int(3000000, 3999999)}`,
      created_at: now,
    });
    organisations.push({
      id: newId(),
      tenant_id: tenant,
      kind: 'social_org',
      name: `${street.name.replace('街道', '')}夕阳红协会`,
      place_id: street.id,
      contact_name: personName(random),
      phone: '',
      created_at: now,
    });
  }
  return organisations;
}
