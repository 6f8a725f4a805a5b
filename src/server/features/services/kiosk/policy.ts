import { AppError } from '../../../platform/errors.js';

// Who may use the kiosk API: a kiosk whose token is known and not revoked. What it reads is bounded
// by its county (the registry query names the kiosk's tenant) and by the rate limit of its lookups.

export function assertKioskLive(row: { revoked_at: Date | string | null } | undefined): asserts row is {
  revoked_at: null;
} {
  if (!row || row.revoked_at) throw new AppError('KIOSK_TOKEN_INVALID');
}
