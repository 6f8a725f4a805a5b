import { maskIdNumber, maskPhone, normalizePhone, parseIdNumber } from '../../../../shared/identity.js';
import type { FormAnswers, FormDefinition, Material } from '../../../../shared/service-forms.js';
import type { ApplicationSource } from '../../../../shared/services.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { can, type Actor } from '../../../platform/policy.js';
import type { ApplicationsDeps } from './deps.js';
import { smsApplicant } from './notices.js';
import { mayEnterFor } from './policy.js';
import { loadBundleForApplication, loadItemForApplication, type ItemForApplication } from '../catalogue/index.js';
import * as repo from './repository.js';
import type { ApplyInputT } from './schemas.js';
import { recordEvent } from './timeline.js';
import { checkHandIn } from './validate.js';

// 申请 / 窗口代办: a resident applies for themself on the phone, or staff enter it for a resident.
// Everything is checked before anything is written; one part per item is made, waiting for the
// window's pre-check (受理), each already naming who will review it.

interface Subject {
  kind: 'item' | 'bundle';
  id: string;
  name: string;
  items: ItemForApplication[];
  form: FormDefinition;
  materials: Material[];
}

async function subjectOf(db: Executor, tenantId: string, input: ApplyInputT): Promise<Subject> {
  if (Boolean(input.itemId) === Boolean(input.bundleId)) throw invalid('itemId', 'itemOrBundle');
  if (input.itemId) {
    const item = await loadItemForApplication(db, tenantId, input.itemId);
    if (!item) throw invalid('itemId', 'unknownServiceItem');
    return {
      kind: 'item',
      id: item.item.id,
      name: item.item.name,
      items: [item],
      form: item.form,
      materials: item.materials,
    };
  }
  const bundle = await loadBundleForApplication(db, tenantId, input.bundleId!);
  if (!bundle || bundle.parts.length === 0) throw invalid('bundleId', 'unknownServiceItem');
  const { form, materials } = bundle;
  return { kind: 'bundle', id: bundle.bundle.id, name: bundle.bundle.name, items: bundle.parts, form, materials };
}

interface Applicant {
  name: string;
  idNumber: string | null;
  phone: string | null;
  residentId: string | null;
}

const prefilled = (form: FormDefinition, answers: FormAnswers, key: 'name' | 'id_number' | 'phone') => {
  const field = form.fields.find((f) => f.prefill === key);
  const value = field ? answers[field.key] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

function typedApplicant(raw: { name?: string | null; idNumber?: string | null; phone?: string | null }): Applicant {
  if (!raw.name) throw invalid('applicant.name', 'applicantRequired');
  let idNumber: string | null = null;
  if (raw.idNumber) {
    const parsed = parseIdNumber(raw.idNumber);
    if (!parsed.ok) throw invalid('applicant.idNumber', 'idNumberInvalid');
    idNumber = parsed.info.normalized;
  }
  const phone = raw.phone ? normalizePhone(raw.phone) : null;
  if (raw.phone && !phone) throw invalid('applicant.phone', 'phoneInvalid');
  return { name: raw.name, idNumber, phone, residentId: null };
}

/** 代办 for a registry resident: one the clerk may read or serve, of the same county. */
async function registryApplicant(
  deps: ApplicationsDeps,
  db: Executor,
  actor: Actor,
  residentId: string,
  staff: Staff,
): Promise<Applicant> {
  const r = await repo.findResidentForApplication(db, residentId);
  const reachable =
    r &&
    r.tenant_id === staff.tenantId &&
    (can(actor, 'people:read', r.household_path) || mayEnterFor(actor, r.household_path, staff.source));
  if (!reachable) throw new AppError('NOT_FOUND');
  return {
    name: r.name,
    idNumber: r.id_number_enc ? deps.pii.decrypt(r.id_number_enc) : null,
    phone: r.phone_enc ? deps.pii.decrypt(r.phone_enc) : null,
    residentId: r.id,
  };
}

/** Who applies: the registry resident picked (in the clerk's scope), the person typed, or the resident themself. */
async function applicantOf(
  deps: ApplicationsDeps,
  db: Executor,
  actor: Actor,
  input: ApplyInputT,
  subject: Subject,
  staff: Staff | null,
): Promise<Applicant> {
  if (staff && input.residentId) return registryApplicant(deps, db, actor, input.residentId, staff);
  if (staff) {
    if (!input.applicant?.idNumber) throw invalid('applicant', 'applicantRequired');
    return typedApplicant(input.applicant);
  }
  // The resident's own: the name and ID number typed (or prefilled in the form), their account's phone.
  const account = actor.userId ? await repo.userPhone(db, actor.userId) : undefined;
  const answers = input.answers as FormAnswers;
  const typed = input.applicant;
  return {
    ...typedApplicant({
      name: typed?.name ?? prefilled(subject.form, answers, 'name'),
      idNumber: typed?.idNumber ?? prefilled(subject.form, answers, 'id_number'),
    }),
    phone: account?.phone_enc ? deps.pii.decrypt(account.phone_enc) : null,
  };
}

/** 办件编号: FW-20261206-0007, numbered per Beijing day across the deployment (the code is unique). */
async function codeFor(db: Executor, now: Date) {
  const day = shanghaiDate(now.getTime());
  const serial = await repo.nextDailySerial(db, `service-application:${day}`);
  return `FW-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
}

type Community = NonNullable<Awaited<ReturnType<typeof repo.findCommunity>>> & { tenant_id: string };
interface Staff {
  source: 'window' | 'adviser';
  tenantId: string;
}

/** The community applied in, and whether the caller is staff entering for a resident (and may, there). */
async function entryOf(db: Executor, actor: Actor, input: ApplyInputT) {
  const community = await repo.findCommunity(db, input.communityId);
  if (!community || community.kind !== 'community' || community.status !== 'active' || !community.tenant_id)
    throw invalid('communityId', 'notACommunity');
  const isStaff = can(actor, 'services:window') || can(actor, 'services:assist');
  if (!isStaff) {
    if (input.residentId || input.source) throw new AppError('FORBIDDEN', { permission: 'services:window' });
    return { community: community as Community, staff: null, source: 'phone' as ApplicationSource };
  }
  const source = input.source ?? 'window';
  if (!mayEnterFor(actor, community.path, source)) throw new AppError('NOT_FOUND');
  return { community: community as Community, staff: { source, tenantId: community.tenant_id } as Staff, source };
}

/** One part per item, naming its handler: the community, its street, or the item's department. */
function partRows(applicationId: string, community: Community, items: ItemForApplication[], now: Date) {
  const place = (level: string) =>
    level === 'community'
      ? { id: community.id, path: community.path }
      : level === 'street'
        ? { id: community.street_id, path: community.street_path }
        : { id: null, path: null };
  return items.map((item, sort) => ({
    id: newId(),
    application_id: applicationId,
    tenant_id: community.tenant_id,
    item_id: item.item.id,
    item_version: item.version,
    handler_level: item.handlerLevel,
    department_id: item.handlerLevel === 'department' ? item.departmentId : null,
    handler_place_id: place(item.handlerLevel).id,
    handler_path: place(item.handlerLevel).path,
    state: 'waiting' as const,
    sort,
    created_at: now,
    updated_at: now,
  }));
}

/** The personal data of the applicant, sealed: encrypted, hashed for lookup, masked for lists. */
function sealedApplicant(deps: ApplicationsDeps, who: Applicant) {
  const seal = (value: string | null, mask: (v: string) => string) => ({
    enc: value ? deps.pii.encrypt(value) : null,
    hash: value ? deps.pii.lookupHash(value) : null,
    masked: value ? mask(value) : null,
  });
  const id = seal(who.idNumber, maskIdNumber);
  const phone = seal(who.phone, maskPhone);
  return {
    resident_id: who.residentId,
    applicant_name: who.name,
    id_number_enc: id.enc,
    id_number_hash: id.hash,
    id_number_masked: id.masked,
    phone_enc: phone.enc,
    phone_hash: phone.hash,
    phone_masked: phone.masked,
  };
}

export async function submitApplication(deps: ApplicationsDeps, actor: Actor, input: ApplyInputT) {
  return deps.db.transaction().execute(async (trx) => {
    const { community, staff, source } = await entryOf(trx, actor, input);
    const subject = await subjectOf(trx, community.tenant_id, input);
    if (!staff && subject.items.some((i) => i.item.channel === 'window'))
      throw invalid(subject.kind === 'item' ? 'itemId' : 'bundleId', 'windowOnlyItem');
    const handIn = await checkHandIn(trx, actor, subject.form, subject.materials, input, staff !== null);
    const who = await applicantOf(deps, trx, actor, input, subject, staff);
    const now = deps.clock.now();
    const row = {
      id: newId(),
      tenant_id: community.tenant_id,
      code: await codeFor(trx, now),
      item_id: subject.kind === 'item' ? subject.id : null,
      bundle_id: subject.kind === 'bundle' ? subject.id : null,
      community_id: community.id,
      place_path: community.path,
      source,
      on_behalf: staff !== null,
      entered_by: staff ? actor.userId : null,
      applicant_user_id: staff ? null : actor.userId,
      ...sealedApplicant(deps, who),
      answers_enc: deps.pii.encrypt(JSON.stringify(handIn.answers)),
      materials: JSON.stringify(handIn.materials),
      file_ids: handIn.fileIds,
      state: 'submitted' as const,
      // 最多跑一次: a window entry is the resident's visit; a phone or adviser's entry is none.
      visits: source === 'window' ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await repo.insertApplication(trx, row);
    await repo.insertParts(trx, partRows(row.id, community, subject.items, now));
    const how = staff ? (source === 'adviser' ? '救助顾问代办' : '窗口代办') : '手机申请';
    await recordEvent(trx, row, { action: 'submit', to: 'submitted', note: `${how}：${subject.name}` }, actor, now);
    await smsApplicant(trx, deps, row, 'service_submitted', { subject: subject.name }, 'submitted');
    await recordAudit(
      trx,
      actor,
      {
        action: 'serviceApplication.submit',
        entityType: 'service_application',
        entityId: row.id,
        tenantId: row.tenant_id,
        after: { code: row.code, subject: subject.name, source, onBehalf: row.on_behalf, files: handIn.fileIds.length },
      },
      now,
    );
    return { id: row.id, code: row.code, state: row.state };
  });
}
