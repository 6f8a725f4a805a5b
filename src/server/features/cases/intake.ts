import { sql, type Insertable } from 'kysely';
import { normalizePhone, maskPhone } from '../../../shared/identity.js';
import { recordAudit } from '../../platform/audit.js';
import type { CaseRow, CasesTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertInScope, can, systemActor, type Actor } from '../../platform/policy.js';
import { attachableFiles } from '../files/access.js';
import { findByCode } from '../places/repository.js';
import { addDeadline, shanghaiDate } from '../../platform/deadlines.js';
import { onDutyUserIds, smsReporter, trackingLink } from './notices.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import { summarize } from '../../../shared/text.js';
import * as repo from './repository.js';
import type { CasesDeps } from './service.js';
import { watchDeadline } from './sla.js';
import { applyCaseChange } from '../stats/rollup.js';
import { suggestCategory } from './text.js';
import { tokenize } from '../../platform/search-text.js';
import { isUnder } from '../../platform/scope.js';

// Intake (受理前): validate, find the grid, suggest a category, give a tracking code, start the
// first-contact and dispatch clocks, and SMS the on-duty cadres and the reporter — all in one
// transaction. The same idempotency key twice gives the first case back.

export interface IntakeInput {
  channel: CaseRow['channel'];
  placeCode?: string;
  lng?: number;
  lat?: number;
  address: string;
  categoryCode?: string;
  priority: 'normal' | 'urgent';
  description: string;
  reporterName: string;
  reporterPhone?: string;
  reporterUserId?: string | null;
  photoIds: string[];
  /** Photos stored by this very request (the public form's own), attachable without a login. */
  uploadedPhotoIds?: string[];
  idempotencyKey?: string;
  mediaUrl?: string;
  externalAccount?: string;
  /** The reporter allowed the description, place and photos on public lists (公开); off by default. */
  isPublic?: boolean;
}

export function createIntake(deps: CasesDeps) {
  const { db, clock, pii, locator } = deps;

  /**
   * The grid holding the point, else the given place; it must lie in the community asked for. A
   * grid worker standing just across the border of their grid files under the place they chose.
   */
  async function resolvePlace(input: IntakeInput, within: { path: string } | null, actor: Actor | null) {
    if (input.lng !== undefined && input.lat !== undefined) {
      const located = await locator.locate(input.lng, input.lat);
      const allowed =
        located &&
        (!within || isUnder(located.path, within.path)) &&
        (!actor || !input.placeCode || can(actor, 'cases:intake', located.path));
      if (located && allowed) return findByCode(db, located.grid.code);
    }
    if (input.placeCode) {
      const place = await findByCode(db, input.placeCode);
      if (
        !place ||
        place.status !== 'active' ||
        !['community', 'grid', 'building', 'unit', 'household'].includes(place.kind)
      )
        return undefined;
      if (within && !isUnder(place.path, within.path)) return undefined;
      // A building, unit or household files the case under its grid.
      const grid = place.path.split('/').find((p) => /^\d{15}$/.test(p));
      return grid && place.kind !== 'grid' ? findByCode(db, grid) : place;
    }
    if (!within) return undefined;
    // Only a community takes a case with no better place: an Open311 write is bounded by its whole county.
    const fallback = await findByCode(db, within.path.split('/').filter(Boolean).at(-1)!);
    return fallback?.kind === 'community' ? fallback : undefined;
  }

  /** Without an actor, `within` (the QR poster's community, the API key's county) bounds where the case may go. */
  return async function intake(actor: Actor | null, input: IntakeInput, within: { path: string } | null = null) {
    if (!actor && !within) throw new AppError('FORBIDDEN');
    const place = await resolvePlace(input, within, actor);
    if (!place)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'placeCode', message: 'no such community, grid or address in scope' }],
      });
    if (actor) assertInScope(actor, 'cases:intake', place.path);
    const tenantId = place.tenant_id!;
    if (input.idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(db, tenantId, input.idempotencyKey);
      if (existing) return { id: existing.id, trackingCode: existing.tracking_code, created: false };
    }
    const phone = input.reporterPhone ? normalizePhone(input.reporterPhone) : null;
    if (input.reporterPhone && !phone) throw new AppError('RESIDENT_PHONE_INVALID');
    const categories = await repo.categories(db);
    const tokens = tokenize(input.description);
    const categoryCode =
      input.categoryCode ??
      suggestCategory(
        tokens,
        input.description,
        categories.filter((c) => c.parent_code),
      );
    const category = categories.find((c) => c.code === categoryCode) ?? categories.find((c) => c.code === 'other')!;
    if (input.categoryCode && category.code !== input.categoryCode)
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'categoryCode', message: 'unknown category' }] });
    await attachableFiles(db, actor, input.photoIds, { field: 'photoIds', uploadedNow: input.uploadedPhotoIds });
    const calendar = await repo.calendar(db);
    const now = clock.now();
    const firstContactDue = addDeadline(
      now,
      input.priority === 'urgent' ? Math.min(15, category.first_contact_minutes) : category.first_contact_minutes,
      false,
      calendar,
    );
    const dispatchDue = addDeadline(now, category.dispatch_minutes, category.business_days, calendar);
    const who = actor ?? systemActor();

    const created = await db.transaction().execute(async (trx) => {
      // Serialise retries with the same key: the loser of a race waits and then finds the winner's case.
      if (input.idempotencyKey) {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`${tenantId}:${input.idempotencyKey}`}))`.execute(trx);
        const existing = await repo.findByIdempotencyKey(trx, tenantId, input.idempotencyKey);
        if (existing) return { id: existing.id, trackingCode: existing.tracking_code, created: false };
      }
      const day = shanghaiDate(now.getTime());
      const serial = await repo.nextDailySerial(trx, `tracking:${tenantId}:${day}`);
      const trackingCode = `${deps.trackingPrefix}-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
      const row: Insertable<CasesTable> = {
        id: newId(),
        tenant_id: tenantId,
        tracking_code: trackingCode,
        channel: input.channel,
        category_code: category.code,
        priority: input.priority,
        state: 'submitted',
        suspended_from: null,
        description: input.description,
        text_tokens: tokens,
        address: input.address,
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        place_id: place.id,
        place_path: place.path,
        reporter_name: input.reporterName,
        reporter_phone_enc: phone ? pii.encrypt(phone) : null,
        reporter_phone_hash: phone ? pii.lookupHash(phone) : null,
        reporter_phone_masked: phone ? maskPhone(phone) : null,
        reporter_phone_last4: phone ? phone.slice(-4) : null,
        reporter_user_id: input.reporterUserId ?? null,
        photo_ids: input.photoIds,
        idempotency_key: input.idempotencyKey ?? null,
        assignee_kind: null,
        assignee_user_id: null,
        assignee_department_id: null,
        assignee_name: null,
        first_contact_due_at: firstContactDue,
        dispatch_due_at: dispatchDue,
        take_due_at: null,
        resolve_due_at: null,
        first_contact_at: null,
        accepted_at: null,
        dispatched_at: null,
        taken_at: null,
        resolved_at: null,
        closed_at: null,
        suspended_at: null,
        extension_requested_hours: null,
        first_contact_on_time: null,
        resolved_on_time: null,
        result_text: null,
        rating: null,
        rating_solved: null,
        rating_comment: null,
        rated_at: null,
        rating_token_hash: null,
        media_url: input.mediaUrl ?? null,
        external_account: input.externalAccount ?? null,
        created_at: now,
        updated_at: now,
        is_public: input.isPublic ?? false,
      };
      await repo.insertCase(trx, row);
      await applyCaseChange(trx, null, (await repo.findCase(trx, row.id))!);
      await repo.insertEvent(trx, {
        id: newId(),
        tenant_id: tenantId,
        case_id: row.id,
        action: 'submit',
        from_state: null,
        to_state: 'submitted',
        actor_id: who.userId,
        actor_name: actor ? actor.displayName : input.reporterName || '居民',
        note: '',
        data: JSON.stringify({ channel: input.channel }),
        at: now,
      });
      await watchDeadline(trx, clock, row.id, 'firstContact', now, firstContactDue);
      await watchDeadline(trx, clock, row.id, 'dispatch', now, dispatchDue);
      const c = row as unknown as CaseRow;
      const community =
        place.kind === 'community'
          ? place.name
          : (await trx.selectFrom('places').select('name').where('id', '=', place.parent_id!).executeTakeFirstOrThrow())
              .name;
      await smsUsers(
        trx,
        deps,
        { tenantId: tenantId, placePath: row.place_path, caseId: row.id },
        await onDutyUserIds(trx, c, now),
        'case_new',
        {
          community,
          code: trackingCode,
          summary: summarize(input.description),
          minutes: category.first_contact_minutes,
        },
        `new:${row.id}`,
      );
      await smsReporter(
        trx,
        deps,
        c,
        'case_received',
        { code: trackingCode, link: trackingLink(deps, trackingCode) },
        `received:${row.id}`,
      );
      await recordAudit(
        trx,
        who,
        {
          action: 'case.submit',
          entityType: 'case',
          entityId: row.id,
          tenantId,
          after: { trackingCode, channel: input.channel, category: category.code, place: place.code },
        },
        now,
      );
      return { id: row.id, trackingCode, created: true };
    });
    return created;
  };
}

export type Intake = ReturnType<typeof createIntake>;
