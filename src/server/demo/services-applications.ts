import type { Transaction } from 'kysely';
import { idNumberCheckChar, maskIdNumber, maskPhone } from '../../shared/identity.js';
import type { FormDefinition, FormField, Material } from '../../shared/service-forms.js';
import { mergeForms, mergeMaterials } from '../../shared/service-forms.js';
import type { ApplicationState, PartState } from '../../shared/services.js';
import { workdayCalendar } from '../features/calendar/index.js';
import type { Database } from '../platform/db/schema.js';
import { workingDaysDeadline } from '../platform/deadlines.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { personName } from './names.js';
import type { Random } from './random.js';

// 办件 of the demo county (issue 15): about sixty applications over the items and bundles the demo
// catalogue seeded before (none when there are none), spread over every state — some overdue, some
// bundles with a part refused — so the window's queue, the review queue and the numbers have life.

const DAY = 86_400_000;
type Item = {
  id: string;
  name: string;
  handler_level: string;
  department_id: string | null;
  time_limit_days: number;
  version: number;
  form: FormDefinition;
  materials: Material[];
};
type Community = {
  id: string;
  path: string;
  tenant_id: string | null;
  parent_id: string | null;
  street_path: string | null;
};

/** A plausible answer for a field of the demo forms. */
function answerFor(f: FormField, random: Random, person: { name: string; id: string; phone: string }) {
  if (f.prefill === 'name') return person.name;
  if (f.kind === 'id_number') return person.id;
  if (f.kind === 'phone') return person.phone;
  return otherAnswer(f, random);
}

function otherAnswer(f: FormField, random: Random) {
  switch (f.kind) {
    case 'number':
      return Math.max(f.min ?? 0, Math.min(f.max ?? 5000, random.int(1, 3000)));
    case 'date':
      return `20${random.int(10, 25)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    case 'choice':
      return f.multiple ? [f.options![0]!] : random.pick(f.options ?? ['']);
    case 'file':
    case 'table':
      return null;
    default:
      return f.kind === 'address' ? `城关街道${random.int(1, 30)}号院${random.int(1, 6)}号楼` : '见申请材料';
  }
}

const plan: { state: ApplicationState; weight: number }[] = [
  { state: 'submitted', weight: 8 },
  { state: 'supplement', weight: 4 },
  { state: 'accepted', weight: 6 },
  { state: 'in_review', weight: 14 },
  { state: 'approved', weight: 6 },
  { state: 'refused', weight: 3 },
  { state: 'ready', weight: 6 },
  { state: 'collected', weight: 10 },
  { state: 'withdrawn', weight: 3 },
];

function partStateFor(app: ApplicationState, index: number, count: number, random: Random): PartState {
  switch (app) {
    case 'submitted':
      return 'waiting';
    case 'supplement':
      return index === 0 ? 'supplement' : 'pending';
    case 'accepted':
      return 'pending';
    case 'in_review':
      return random.pick(['pending', 'in_review', 'approved'] as const);
    case 'refused':
      return 'refused';
    case 'withdrawn':
      return 'withdrawn';
    default:
      // A bundle with one part refused is still done: the other parts' results are handed out.
      return count > 1 && index === count - 1 && random.next() < 0.4 ? 'refused' : 'approved';
  }
}

export async function seedDemoServiceApplications(
  trx: Transaction<Database>,
  random: Random,
  pii: PiiCipher,
  now: Date,
) {
  const items = (await trx
    .selectFrom('service_items')
    .select([
      'id',
      'name',
      'handler_level',
      'department_id',
      'time_limit_days',
      'version',
      'form',
      'materials',
      'tenant_id',
    ])
    .where('active', '=', true)
    .orderBy('code')
    .execute()) as (Item & { tenant_id: string })[];
  if (items.length === 0) return { serviceApplications: 0 };
  const bundles = await trx
    .selectFrom('service_bundles as b')
    .innerJoin('service_bundle_items as bi', 'bi.bundle_id', 'b.id')
    .select(['b.id', 'bi.item_id'])
    .orderBy('b.code')
    .orderBy('bi.sort')
    .execute();
  const bundleItems = new Map<string, string[]>();
  for (const b of bundles) bundleItems.set(b.id, [...(bundleItems.get(b.id) ?? []), b.item_id]);
  const tenantId = items[0]!.tenant_id;
  const communities = (await trx
    .selectFrom('places as c')
    .leftJoin('places as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.path', 'c.tenant_id', 'c.parent_id', 's.path as street_path'])
    .where('c.kind', '=', 'community')
    .where('c.tenant_id', '=', tenantId)
    .orderBy('c.code')
    .execute()) as Community[];
  if (communities.length === 0) return { serviceApplications: 0 };
  const calendar = await workdayCalendar(trx, tenantId);
  const states = plan.flatMap((p) => Array.from({ length: p.weight }, () => p.state));
  let made = 0;
  for (const [n, state] of states.entries()) {
    const bundleIds = [...bundleItems.keys()];
    const asBundle = bundleIds.length > 0 && n % 3 === 0;
    const bundleId = asBundle ? bundleIds[n % bundleIds.length]! : null;
    const subjectItems = bundleId
      ? bundleItems
          .get(bundleId)!
          .map((id) => items.find((i) => i.id === id))
          .filter((i): i is Item & { tenant_id: string } => !!i)
      : [items[(n * 7) % items.length]!];
    if (subjectItems.length === 0) continue;
    await seedOne(trx, random, pii, {
      n,
      state,
      bundleId,
      subjectItems,
      community: communities[n % communities.length]!,
      calendar,
      now,
      tenantId,
    });
    made++;
  }
  return { serviceApplications: made };
}

interface One {
  n: number;
  state: ApplicationState;
  bundleId: string | null;
  subjectItems: Item[];
  community: Community;
  calendar: Awaited<ReturnType<typeof workdayCalendar>>;
  now: Date;
  tenantId: string;
}

function demoPerson(random: Random) {
  const first17 = `610899${random.int(1950, 2000)}0${random.int(1, 9)}1${random.int(0, 9)}${String(random.int(100, 999))}`;
  return {
    name: personName(random),
    id: first17 + idNumberCheckChar(first17),
    phone: `13${random.int(0, 9)}${String(random.int(10_000_000, 99_999_999))}`,
  };
}

const handlerOf = (level: string, c: Community) =>
  level === 'community'
    ? { id: c.id, path: c.path }
    : level === 'street'
      ? { id: c.parent_id, path: c.street_path }
      : { id: null, path: null };

const noteOf: Partial<Record<PartState, string>> = { refused: '申请人不符合办理条件', approved: '材料齐全，符合条件' };

function partRow(s: One, random: Random, id: string, acceptedAt: Date | null, item: Item, sort: number) {
  const partState = partStateFor(s.state, sort, s.subjectItems.length, random);
  const due = acceptedAt ? workingDaysDeadline(acceptedAt, item.time_limit_days, s.calendar) : null;
  const red = due !== null && due < s.now && ['pending', 'in_review'].includes(partState);
  const handler = handlerOf(item.handler_level, s.community);
  const decided = partState === 'approved' || partState === 'refused';
  return {
    id: newId(),
    application_id: id,
    tenant_id: s.tenantId,
    item_id: item.id,
    item_version: item.version,
    handler_level: item.handler_level as 'community' | 'street' | 'department',
    department_id: item.handler_level === 'department' ? item.department_id : null,
    handler_place_id: handler.id,
    handler_path: handler.path,
    state: partState,
    clock_started_at: acceptedAt,
    due_at: due,
    paused_at: s.state === 'supplement' && acceptedAt ? new Date(s.now.getTime() - DAY) : null,
    sla_level: red ? ('red' as const) : ('ok' as const),
    escalated_at: red ? due : null,
    decided_at: decided ? decidedAt(due, s.now, random) : null,
    decision_note: noteOf[partState] ?? null,
    sort,
    created_at: acceptedAt ?? s.now,
    updated_at: s.now,
  };
}

/**
 * When a decided part was decided: mostly by its deadline, about one in five a day or two late (a
 * demo whose rates are all 100 % would say nothing about where time is lost).
 */
function decidedAt(due: Date | null, now: Date, random: Random): Date {
  if (!due) return now;
  const late = random.int(0, 4) === 0 ? random.int(1, 2) * DAY : 0;
  return new Date(Math.min(due.getTime() + late, now.getTime()));
}

/** The state's own dates: decided, ready, collected, withdrawn, rated. */
function stateDates(state: ApplicationState, now: Date, random: Random) {
  const at = (states: ApplicationState[]) => (states.includes(state) ? now : null);
  return {
    decided_at: at(['approved', 'refused', 'ready', 'collected']),
    ready_at: at(['ready', 'collected']),
    collected_at: at(['collected']),
    withdrawn_at: at(['withdrawn']),
    rating:
      state === 'collected'
        ? random.pick(['very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'fair', 'dissatisfied'] as const)
        : null,
    rated_at: at(['collected']),
    supplement_note: state === 'supplement' ? '请补交户口簿首页及本人页复印件' : null,
  };
}

async function seedOne(trx: Transaction<Database>, random: Random, pii: PiiCipher, s: One) {
  const { state, community, now } = s;
  const person = demoPerson(random);
  const { form } = mergeForms(s.subjectItems.map((i) => ({ itemId: i.id, form: i.form })));
  const answers = Object.fromEntries(
    form.fields.map((f) => [f.key, answerFor(f, random, person)]).filter(([, v]) => v !== null),
  );
  const materials = mergeMaterials(s.subjectItems.map((i) => i.materials)).map((m) => ({
    key: m.key,
    fileIds: [],
    atWindow: true,
  }));
  // Overdue ones were accepted long ago; the rest within the last days.
  const daysAgo = state === 'in_review' && s.n % 4 === 0 ? random.int(14, 20) : random.int(1, 12);
  const createdAt = new Date(now.getTime() - daysAgo * DAY - random.int(0, 8) * 3_600_000);
  const acceptedAt = state === 'submitted' ? null : new Date(createdAt.getTime() + 2 * 3_600_000);
  const source = random.next() < 0.55 ? ('window' as const) : ('phone' as const);
  const id = newId();
  const parts = s.subjectItems.map((item, sort) => partRow(s, random, id, acceptedAt, item, sort));
  const dues = parts.map((p) => p.due_at).filter((d): d is Date => d !== null);
  await trx
    .insertInto('service_applications')
    .values({
      id,
      tenant_id: s.tenantId,
      code: `FW-DEMO-${String(s.n + 1).padStart(4, '0')}`,
      item_id: s.bundleId ? null : s.subjectItems[0]!.id,
      bundle_id: s.bundleId,
      community_id: community.id,
      place_path: community.path,
      source,
      on_behalf: source === 'window',
      applicant_name: person.name,
      id_number_enc: pii.encrypt(person.id),
      id_number_hash: pii.lookupHash(person.id),
      id_number_masked: maskIdNumber(person.id),
      phone_enc: pii.encrypt(person.phone),
      phone_hash: pii.lookupHash(person.phone),
      phone_masked: maskPhone(person.phone),
      answers_enc: pii.encrypt(JSON.stringify(answers)),
      materials: JSON.stringify(materials),
      state,
      paused_at: parts[0]!.paused_at,
      accepted_at: acceptedAt,
      due_at: dues.length ? new Date(Math.max(...dues.map((d) => d.getTime()))) : null,
      sla_level: parts.some((p) => p.sla_level === 'red') ? 'red' : 'ok',
      ...stateDates(state, now, random),
      visits: (source === 'window' ? 1 : 0) + (state === 'collected' && source === 'phone' ? 1 : 0),
      created_at: createdAt,
      updated_at: now,
    })
    .execute();
  await trx.insertInto('service_application_parts').values(parts).execute();
  await trx
    .insertInto('service_application_events')
    .values({
      id: newId(),
      application_id: id,
      tenant_id: s.tenantId,
      action: 'submit',
      to_state: 'submitted',
      note: source === 'window' ? '窗口代办' : '手机申请',
      actor_name: source === 'window' ? '窗口工作人员' : person.name,
      at: createdAt,
    })
    .execute();
}
