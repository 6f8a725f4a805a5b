import { normalizePhone } from '../../../shared/identity.js';
import { AppError, invalid } from '../../platform/errors.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { FilesService } from '../files/index.js';
import { findByCode, placeOfQrToken } from '../places/index.js';
import type { Intake } from './intake.js';
import * as repo from './repository.js';
import type { PublicCaseFieldsT } from './schemas.js';
import type { CasesDeps } from './deps.js';

// The QR form (码上反映) without login. Abuse control: per-IP and per-phone limits, photos checked
// by content and size. A retry with the same Idempotency-Key answers with the first case and counts
// against no limit; a refused report keeps nothing — no case, no photo row, no stored object.

export interface PublicReportInput {
  fields: PublicCaseFieldsT;
  photos: Buffer[];
  ip: string | null;
  idempotencyKey?: string;
}

const hour = 3_600_000;

type PublicIntakeDeps = CasesDeps & { config: { PUBLIC_RATE_PER_PHONE_HOUR: number; PUBLIC_RATE_PER_IP_HOUR: number } };

export function createPublicIntake(deps: PublicIntakeDeps, intake: Intake, files: FilesService) {
  return async function submitPublic(input: PublicReportInput): Promise<{ trackingCode: string; created: boolean }> {
    const { fields } = input;
    const phone = normalizePhone(fields.reporterPhone);
    if (!phone) throw new AppError('RESIDENT_PHONE_INVALID');
    if (input.photos.length > 9) throw invalid('photos', 'tooManyPhotos');
    const { community, ...target } = await whereFiled(deps, fields);
    const phoneHash = deps.pii.lookupHash(phone);
    if (input.idempotencyKey) {
      const first = await repo.findByIdempotencyKey(deps.db, community.tenant_id!, input.idempotencyKey);
      // Only the same reporter's retry gets the first case back: a key is no pass to another's tracking code.
      if (first && (first.channel !== 'qr' || first.reporter_phone_hash !== phoneHash))
        throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (first) return { trackingCode: first.tracking_code, created: false };
    }
    const now = deps.clock.now();
    await hitLimits(deps, input.ip, phoneHash, now);
    const photoIds = await files.storePublicPhotos(input.photos, community.tenant_id);
    let result: Awaited<ReturnType<Intake>>;
    try {
      result = await intake(
        null,
        {
          channel: 'qr',
          placeCode: target.placeCode,
          exactPlace: target.exactPlace,
          lng: target.lng,
          lat: target.lat,
          address: fields.address,
          categoryCode: fields.categoryCode,
          priority: 'normal',
          description: fields.description,
          reporterName: fields.reporterName,
          reporterPhone: phone,
          photoIds,
          uploadedPhotoIds: photoIds,
          idempotencyKey: input.idempotencyKey,
          isPublic: fields.isPublic === 'true',
        },
        { path: target.path },
      );
    } catch (error) {
      await files.discard(photoIds);
      throw error;
    }
    if (!result.created) await files.discard(photoIds); // a simultaneous retry made the case first
    return { trackingCode: result.trackingCode, created: result.created };
  };
}

/**
 * The per-IP, then the per-phone limit, committed together (one commit, not two: a commit is most
 * of a statement's cost on a server). A refusal still keeps the hits made before it, as before.
 */
async function hitLimits(deps: PublicIntakeDeps, ip: string | null, phoneHash: string, now: Date) {
  const refused = await deps.db.transaction().execute(async (trx) => {
    try {
      await hitRateLimit(trx, `case:ip:${ip ?? 'unknown'}`, deps.config.PUBLIC_RATE_PER_IP_HOUR, hour, now);
      await hitRateLimit(trx, `case:phone:${phoneHash}`, deps.config.PUBLIC_RATE_PER_PHONE_HOUR, hour, now);
      return null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') return error;
      throw error;
    }
  });
  if (refused) throw refused;
}

/**
 * Where the report goes: its community, or the building, unit or spot of the poster's token — which
 * must lie in that community (else the token is refused). Without GPS it is put at the poster's point.
 */
async function whereFiled(deps: CasesDeps, fields: PublicCaseFieldsT) {
  const community = await findByCode(deps.db, fields.communityCode);
  if (!community || community.kind !== 'community')
    throw new AppError('NOT_FOUND', { communityCode: fields.communityCode });
  const base = { community, lng: fields.lng, lat: fields.lat };
  if (!fields.placeToken) return { ...base, placeCode: community.code, exactPlace: false, path: community.path };
  const poster = await placeOfQrToken(deps.db, fields.placeToken);
  if (poster.community.code !== community.code) throw new AppError('QR_TOKEN_INVALID');
  const point = fields.lng === undefined || fields.lat === undefined ? poster.point : null;
  return {
    ...base,
    ...(point ?? {}),
    placeCode: poster.place.code,
    exactPlace: true,
    path: poster.place.path,
  };
}
