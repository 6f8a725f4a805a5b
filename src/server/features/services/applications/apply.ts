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
import * as repo from './repository/index.js';
import type { ItemForApplication } from './repository/index.js';
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
    const item = await repo.loadItemForApplication(db, tenantId, input.itemId);
    if (!item) throw invalid('itemId', 'unknownServiceItem');
    return { kind: 'item', id: item.id, name: item.name, items: [item], form: item.form, materials: item.materials };
  }
  const bundle = await repo.loadBundleForApplication(db, tenantId, input.bundleId!);
  if (!bundle || bundle.items.length === 0) throw invalid('bundleId', 'unknownServiceItem');
  return { kind: 'bundle', ...bundle };
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

/** Who applies: the registry resident picked (in the clerk's scope), the person typed, or the resident themself. */
async function applicantOf(
  deps: ApplicationsDeps,
  db: Executor,
  actor: Actor,
  input: ApplyInputT,
  subject: Subject,
  staff: { source: 'window' | 'adviser'; tenantId: string } | null,
): Promise<Applicant> {
  if (staff && input.residentId) {
    const r = await repo.findResidentForApplication(db, input.residentId);
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
  if (staff) {
    if (!input.applicant?.idNumber) throw invalid('applicant', 'applicantRequired');
    return typedApplicant(input.applicant);
  }
  // The resident's own: the name and ID number typed (or prefilled in the form), their account's phone.
  const account = actor.userId ? await repo.userPhone(db, actor.userId) : undefined;
  const answers = input.answers as FormAnswers;
  return {
    ...typedApplicant({
      name: input.applicant?.name ?? prefilled(subject.form, answers, 'name'),
      idNumber: input.applicant?.idNumber ?? prefilled(subject.form, answers, 'id_number'),
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

export async function submitApplication(deps: ApplicationsDeps, actor: Actor, input: ApplyInputT) {
  return deps.db.transaction().execute(async (trx) => {
    const community = await repo.findCommunity(trx, input.communityId);
    if (!community || community.kind !== 'community' || community.status !== 'active' || !community.tenant_id)
      throw invalid('communityId', 'notACommunity');
    const tenantId = community.tenant_id;
    const isStaff = can(actor, 'services:window') || can(actor, 'services:assist');
    const source: ApplicationSource = isStaff ? (input.source ?? 'window') : 'phone';
    if (isStaff && !mayEnterFor(actor, community.path, source === 'adviser' ? 'adviser' : 'window'))
      throw new AppError('NOT_FOUND');
    if (!isStaff && (input.residentId || input.source))
      throw new AppError('FORBIDDEN', { permission: 'services:window' });
    const subject = await subjectOf(trx, tenantId, input);
    if (!isStaff && subject.items.some((i) => i.channel === 'window'))
      throw invalid(subject.kind === 'item' ? 'itemId' : 'bundleId', 'windowOnlyItem');
    const handIn = await checkHandIn(trx, actor, subject.form, subject.materials, input, isStaff);
    const who = await applicantOf(
      deps,
      trx,
      actor,
      input,
      subject,
      isStaff ? { source: source as 'window', tenantId } : null,
    );

    const now = deps.clock.now();
    const id = newId();
    const row = {
      id,
      tenant_id: tenantId,
      code: await codeFor(trx, now),
      item_id: subject.kind === 'item' ? subject.id : null,
      bundle_id: subject.kind === 'bundle' ? subject.id : null,
      community_id: community.id,
      place_path: community.path,
      source,
      on_behalf: isStaff,
      entered_by: isStaff ? actor.userId : null,
      applicant_user_id: isStaff ? null : actor.userId,
      resident_id: who.residentId,
      applicant_name: who.name,
      id_number_enc: who.idNumber ? deps.pii.encrypt(who.idNumber) : null,
      id_number_hash: who.idNumber ? deps.pii.lookupHash(who.idNumber) : null,
      id_number_masked: who.idNumber ? maskIdNumber(who.idNumber) : null,
      phone_enc: who.phone ? deps.pii.encrypt(who.phone) : null,
      phone_hash: who.phone ? deps.pii.lookupHash(who.phone) : null,
      phone_masked: who.phone ? maskPhone(who.phone) : null,
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
    await repo.insertParts(
      trx,
      subject.items.map((item, sort) => ({
        id: newId(),
        application_id: id,
        tenant_id: tenantId,
        item_id: item.id,
        item_version: item.version,
        handler_level: item.handlerLevel,
        department_id: item.handlerLevel === 'department' ? item.departmentId : null,
        handler_place_id:
          item.handlerLevel === 'community'
            ? community.id
            : item.handlerLevel === 'street'
              ? community.street_id
              : null,
        handler_path:
          item.handlerLevel === 'community'
            ? community.path
            : item.handlerLevel === 'street'
              ? community.street_path
              : null,
        state: 'waiting' as const,
        sort,
        created_at: now,
        updated_at: now,
      })),
    );
    const how = isStaff ? (source === 'adviser' ? '救助顾问代办' : '窗口代办') : '手机申请';
    await recordEvent(trx, row, { action: 'submit', to: 'submitted', note: `${how}：${subject.name}` }, actor, now);
    await smsApplicant(trx, deps, row, 'service_submitted', { subject: subject.name }, 'submitted');
    await recordAudit(
      trx,
      actor,
      {
        action: 'serviceApplication.submit',
        entityType: 'service_application',
        entityId: id,
        tenantId,
        after: { code: row.code, subject: subject.name, source, onBehalf: isStaff, files: handIn.fileIds.length },
      },
      now,
    );
    return { id, code: row.code, state: row.state };
  });
}
