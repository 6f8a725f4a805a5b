import type { Actor } from '../../platform/policy.js';
import { printQrPosters, type QrPostersDeps } from './qr-posters.js';
import type { CreateSpot, QrPosterRequest, UpdateSpot } from './schemas.js';
import { createSpot, listSpots, setPlacePhone, updateSpot } from './spots.js';

/** Spots, poster phones and QR posters, built with their dependencies. */
export function createQrPostersService(deps: QrPostersDeps) {
  return {
    listSpots: (actor: Actor, underCode: string) => listSpots(deps, actor, underCode),
    createSpot: (actor: Actor, input: CreateSpot) => createSpot(deps, actor, input),
    updateSpot: (actor: Actor, code: string, input: UpdateSpot) => updateSpot(deps, actor, code, input),
    setPhone: (actor: Actor, code: string, phone: string) => setPlacePhone(deps, actor, code, phone),
    print: (actor: Actor, input: QrPosterRequest) => printQrPosters(deps, actor, input),
  };
}

export type QrPostersService = ReturnType<typeof createQrPostersService>;
