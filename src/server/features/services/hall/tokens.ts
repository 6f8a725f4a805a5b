import { createHash } from 'node:crypto';

// The hall's secrets are kept hashed: a kiosk's device token and the call screen's token are shown
// once (when made) and only their SHA-256 is stored, so no list, backup or log gives them away.

/** Only the SHA-256 of a kiosk's token is kept. */
export const hashKioskToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Only the SHA-256 of a call screen's token is kept (`service_halls.screen_token`). */
export const hashScreenToken = (token: string): string => createHash('sha256').update(token).digest('hex');
