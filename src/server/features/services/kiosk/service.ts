import { chinaDay } from '../../../../shared/hall.js';
import { maskIdNumber, maskName, parseIdNumber } from '../../../../shared/identity.js';
import {
  answerProblems,
  type FormAnswers,
  type FormDefinition,
  type Material,
  type PrefillKey,
} from '../../../../shared/service-forms.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import type { PiiCipher } from '../../../platform/pii.js';
import type { Actor } from '../../../platform/policy.js';
import { hitRateLimit } from '../../../platform/rate-limit.js';
import { renderApplicationForm } from '../form-pdf.js';
import { loadBundleForApplication, loadItemForApplication, loadOfferedCatalogue } from '../catalogue/index.js';
import { checkedService, findHall, hashKioskToken, presentTaken, takeTicket } from '../hall/index.js';
import { assertKioskLive } from './policy.js';
import * as repo from './repository.js';

// 自助终端: a kiosk authenticated by its device token reads the ID number a person gives (card reader
// or keypad), finds their registry record in the kiosk's county, shows it masked, prints their
// pre-filled application form and takes a queue number. Every lookup is audited and rate-limited.

export interface KioskDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
}
export interface Kiosk {
  id: string;
  name: string;
  tenantId: string;
  hallId: string;
  hallName: string;
  requestId: string | null;
  ip: string | null;
}
/** Lookups (and prints) a kiosk may make in ten minutes: a queue of people, not a scan of the registry. */
export const KIOSK_LOOKUPS_PER_10_MIN = 40;
const TEN_MINUTES = 600_000;

const kioskActor = (k: Kiosk): Actor => ({
  kind: 'user',
  userId: null,
  username: `kiosk:${k.name}`,
  displayName: k.name,
  tenantId: k.tenantId,
  memberships: [],
  requestId: k.requestId,
  ip: k.ip,
});

/** The kiosk of a token; a missing, unknown or revoked token is 401 KIOSK_TOKEN_INVALID. */
async function authenticate(
  deps: KioskDeps,
  token: string | undefined,
  meta: { requestId: string | null; ip: string | null },
) {
  if (!token || token.length > 100) throw new AppError('KIOSK_TOKEN_INVALID');
  const row = await repo.kioskByTokenHash(deps.db, hashKioskToken(token));
  assertKioskLive(row);
  const now = deps.clock.now();
  if (!row.last_seen_at || now.getTime() - new Date(row.last_seen_at).getTime() > 60_000)
    await repo.touchKiosk(deps.db, row.id, now);
  return {
    id: row.id,
    name: row.name,
    tenantId: row.tenant_id,
    hallId: row.hall_id,
    hallName: row.hall_name,
    ...meta,
  } satisfies Kiosk;
}

function validId(idNumber: string) {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new AppError('RESIDENT_ID_NUMBER_INVALID', { problem: parsed.problem });
  return parsed.info;
}

/**
 * What the kiosk pre-fills. It cannot tell who typed the ID number, so it gives back only what the
 * number itself says (ID number, gender, birth date) and the name the person reads on their own card:
 * never the registry's phone, address or household — those the person writes on the printed form
 * (blank lines) or the window fills in.
 */
export const KIOSK_PREFILLS = ['name', 'id_number', 'gender', 'birth_date'] as const satisfies readonly PrefillKey[];
const kioskPrefills = new Set<string>(KIOSK_PREFILLS);

/** The registry data the kiosk may use (full values) by prefill key; from the ID number alone when not registered. */
async function registryOf(deps: KioskDeps, trx: Executor, kiosk: Kiosk, idNumber: string) {
  const info = validId(idNumber);
  const found = await repo.residentByIdHash(trx, kiosk.tenantId, deps.pii.lookupHash(info.normalized));
  const values: Partial<Record<PrefillKey, string>> = {
    id_number: info.normalized,
    gender: info.gender === 'male' ? '男' : '女',
    birth_date: info.birthDate,
  };
  if (found) values.name = found.name;
  return { info, found, values };
}

async function limitAndAudit(
  deps: KioskDeps,
  trx: Executor,
  kiosk: Kiosk,
  action: string,
  after: Record<string, unknown>,
) {
  const now = deps.clock.now();
  await hitRateLimit(trx, `kiosk:${kiosk.id}`, KIOSK_LOOKUPS_PER_10_MIN, TEN_MINUTES, now);
  await recordAudit(
    trx,
    kioskActor(kiosk),
    { action, entityType: 'service_kiosk', entityId: kiosk.id, tenantId: kiosk.tenantId, after },
    now,
  );
}

/** 读卡: the person's registry data as the screen may show it — masked; 404 when not registered here. */
async function lookup(deps: KioskDeps, kiosk: Kiosk, idNumber: string) {
  const info = validId(idNumber);
  const result = await deps.db.transaction().execute(async (trx) => {
    const reg = await registryOf(deps, trx, kiosk, idNumber);
    await limitAndAudit(deps, trx, kiosk, 'kiosk.lookup', {
      idNumber: maskIdNumber(info.normalized),
      found: Boolean(reg.found),
    });
    return reg;
  });
  if (!result.found) throw new AppError('NOT_FOUND');
  const v = result.values;
  const shown: Record<string, string> = {
    name: maskName(v.name!, 'family'),
    id_number: maskIdNumber(v.id_number!),
    gender: v.gender!,
    birth_date: `${v.birth_date!.slice(0, 4)}年`,
  };
  return { nameMasked: shown.name!, shown, prefilled: Object.keys(v) };
}

/** The form and materials of an item, or a bundle's one merged form and material list. */
async function serviceForm(deps: KioskDeps, tenantId: string, kind: 'items' | 'bundles', id: string) {
  if (kind === 'items') {
    const item = await loadItemForApplication(deps.db, tenantId, id);
    if (!item) throw new AppError('NOT_FOUND');
    return { id, kind, name: item.item.name, form: item.form, materials: item.materials };
  }
  const bundle = await loadBundleForApplication(deps.db, tenantId, id);
  if (!bundle) throw new AppError('NOT_FOUND');
  return { id, kind, name: bundle.bundle.name, form: bundle.form, materials: bundle.materials };
}

const presentMaterials = (materials: Material[]) =>
  materials.map((m) => ({ key: m.key, name: m.name, required: m.required, original: m.original, copies: m.copies }));

async function catalogue(deps: KioskDeps, kiosk: Kiosk) {
  const c = await loadOfferedCatalogue(deps.db, kiosk.tenantId);
  return {
    categories: c.categories
      .map((cat) => ({
        id: cat.id,
        name: cat.name,
        items: cat.items.map((i) => ({ id: i.id, name: i.name, summary: i.summary })),
      }))
      .filter((cat) => cat.items.length > 0),
    bundles: c.bundleClasses.flatMap((k) =>
      k.bundles.map((b) => ({ id: b.id, className: k.name, name: b.name, summary: b.summary, itemIds: b.itemIds })),
    ),
  };
}

/** Answers with the registry's values in the fields that prefill them; files are brought to the window. */
function filledAnswers(
  form: FormDefinition,
  given: Record<string, unknown>,
  values: Partial<Record<PrefillKey, string>>,
) {
  const answers: FormAnswers = {};
  for (const [k, v] of Object.entries(given)) answers[k] = v as FormAnswers[string];
  for (const f of form.fields) if (f.prefill && values[f.prefill]) answers[f.key] = values[f.prefill]!;
  // Files are brought to the window; registry data the kiosk does not give (phone, address, household)
  // is written by hand on the printed form or at the window: neither is asked for here.
  const atKiosk: FormDefinition = {
    fields: form.fields.map((f) =>
      f.kind === 'file' || (f.prefill && !kioskPrefills.has(f.prefill)) ? { ...f, required: false } : f,
    ),
  };
  return { answers, problems: answerProblems(atKiosk, answers) };
}

/** 打印申请表: the person's form, pre-filled from the registry and completed on screen, as a PDF. */
async function print(
  deps: KioskDeps,
  kiosk: Kiosk,
  input: { idNumber: string; itemId?: string; bundleId?: string; answers: Record<string, unknown>; ticketId?: string },
) {
  const choice = await checkedService(deps.db, { id: kiosk.hallId, tenant_id: kiosk.tenantId }, input, true);
  const service = await serviceForm(
    deps,
    kiosk.tenantId,
    choice.itemId ? 'items' : 'bundles',
    (choice.itemId ?? choice.bundleId)!,
  );
  const now = deps.clock.now();
  const { reg, ticketLabel } = await deps.db.transaction().execute(async (trx) => {
    const reg = await registryOf(deps, trx, kiosk, input.idNumber);
    const ticket = input.ticketId
      ? ((await repo.ticketLabel(trx, kiosk.hallId, input.ticketId, chinaDay(now)))?.label ?? null)
      : null;
    await limitAndAudit(deps, trx, kiosk, 'kiosk.print', {
      idNumber: maskIdNumber(reg.info.normalized),
      service: service.name,
      ticket: ticket,
    });
    return { reg, ticketLabel: ticket };
  });
  const { answers, problems } = filledAnswers(service.form, input.answers, reg.values);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', {
      issues: problems.map((p) => ({ path: `answers.${p.field}`, message: p.message['zh-CN'] })),
    });
  const nameField = service.form.fields.find((f) => f.prefill === 'name');
  const name = reg.values.name ?? (nameField ? String(answers[nameField.key] ?? '') : '');
  return renderApplicationForm({
    title: service.name,
    place: kiosk.hallName,
    ticketLabel,
    applicant: { name: name || '＿＿＿＿', idNumber: reg.info.normalized, phone: null },
    form: service.form,
    answers,
    materials: service.materials,
    date: chinaDay(now),
  });
}

/** 取号 at the kiosk, for an item or bundle (or none). */
async function ticket(deps: KioskDeps, kiosk: Kiosk, input: { itemId?: string; bundleId?: string }) {
  const service = await checkedService(deps.db, { id: kiosk.hallId, tenant_id: kiosk.tenantId }, input, false);
  return deps.db.transaction().execute(async (trx) => {
    const hall = (await findHall(trx, kiosk.hallId))!;
    const now = deps.clock.now();
    const taken = await takeTicket(trx, now, hall, { ...service, source: 'kiosk', userId: null });
    await recordAudit(
      trx,
      kioskActor(kiosk),
      {
        action: 'hall.ticket.take',
        entityType: 'service_queue_ticket',
        entityId: taken.id,
        tenantId: hall.tenant_id,
        after: { label: taken.label, source: 'kiosk' },
      },
      now,
    );
    return presentTaken(trx, hall, taken);
  });
}

export function createKioskService(deps: KioskDeps) {
  return {
    authenticate: (token: string | undefined, meta: { requestId: string | null; ip: string | null }) =>
      authenticate(deps, token, meta),
    me: (k: Kiosk) => ({ kioskName: k.name, hallName: k.hallName }),
    lookup: (k: Kiosk, idNumber: string) => lookup(deps, k, idNumber),
    catalogue: (k: Kiosk) => catalogue(deps, k),
    service: async (k: Kiosk, kind: 'items' | 'bundles', id: string) => {
      const s = await serviceForm(deps, k.tenantId, kind, id);
      return { ...s, materials: presentMaterials(s.materials) };
    },
    print: (k: Kiosk, input: Parameters<typeof print>[2]) => print(deps, k, input),
    ticket: (k: Kiosk, input: { itemId?: string; bundleId?: string }) => ticket(deps, k, input),
  };
}

export type KioskService = ReturnType<typeof createKioskService>;
