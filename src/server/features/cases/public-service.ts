import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { FilesService } from '../files/index.js';
import { findByCode, placeOfQrToken } from '../places/index.js';
import { createPublicIntake } from './public-intake.js';
import * as repo from './repository.js';
import type { RatingInputT } from './schemas.js';
import type { CasesDeps } from './deps.js';
import type { CasesService } from './service.js';

// The resident's side, without login: the QR form's community, the report, the tracking page and
// the rating. Per-IP limits keep the last 4 digits of a phone from being guessed by brute force.

const hour = 3_600_000;

export type PublicCaseDeps = CasesDeps & {
  config: { PUBLIC_RATE_PER_PHONE_HOUR: number; PUBLIC_RATE_PER_IP_HOUR: number; UPLOAD_MAX_MB: number };
};

export function createPublicCaseService(deps: PublicCaseDeps, cases: CasesService, files: FilesService) {
  return {
    /** The community of a QR poster and the categories the form offers. */
    async community(code: string, locale: Locale) {
      const place = await findByCode(deps.db, code);
      if (!place || place.kind !== 'community' || place.status !== 'active') throw new AppError('NOT_FOUND');
      const street = await repo.placeName(deps.db, place.parent_id!);
      const categories = (await cases.categories(locale)).map((k) => ({
        code: k.code,
        name: k.name,
        parentCode: k.parentCode,
      }));
      return { code: place.code, name: place.name, street, categories };
    },

    /** The place of a building's, unit's or spot's poster (its token), for the form to show. */
    async place(token: string, locale: Locale) {
      const found = await placeOfQrToken(deps.db, token);
      const categories = (await cases.categories(locale)).map((k) => ({
        code: k.code,
        name: k.name,
        parentCode: k.parentCode,
      }));
      return {
        token,
        place: {
          code: found.place.code,
          name: found.place.name,
          kind: found.place.kind as 'building' | 'unit' | 'spot',
        },
        fullName: found.fullName,
        community: found.community,
        street: found.street,
        phone: found.phone,
        categories,
      };
    },

    submit: createPublicIntake(deps, cases.intake, files),

    async track(
      ip: string | null,
      code: string,
      proof: { phoneLast4?: string; token?: string; userId?: string | null },
      locale: Locale,
    ) {
      await hitRateLimit(deps.db, `track:ip:${ip ?? 'unknown'}`, 120, hour, deps.clock.now());
      return cases.publicView(code, proof, locale);
    },

    async rate(ip: string | null, code: string, input: RatingInputT, userId: string | null | undefined) {
      await hitRateLimit(deps.db, `rate:ip:${ip ?? 'unknown'}`, 60, hour, deps.clock.now());
      return cases.actions.rate(code.toUpperCase(), { token: input.token, userId }, input);
    },
  };
}

export type PublicCaseService = ReturnType<typeof createPublicCaseService>;
