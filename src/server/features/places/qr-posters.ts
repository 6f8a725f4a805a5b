import { randomInt } from 'node:crypto';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { Place } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../platform/policy.js';
import { isUnder, scopeOf } from '../../platform/scope.js';
import type { PlacesDeps } from './deps.js';
import { qrPosterSheets, type PosterPage } from './poster-pdf.js';
import * as repo from './repository.js';
import { posterPlaceKinds, type QrPosterRequest } from './schemas.js';

// QR codes everywhere (码上反映): a poster per building, unit or spot, printed in bulk as one PDF.
// The code carries a random token kept per place, never the place's code, so nobody can file
// under another place by editing the address; the token is made with the first poster and kept,
// so a poster on the wall stays good.

export type QrPostersDeps = PlacesDeps & { publicUrl: string };

/** No 0/o, 1/l/i: a resident can type the short address printed under the code. */
const tokenAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
const tokenLength = 12; // 31^12 ≈ 2^59
export const qrTokenPattern = /^[a-hjkmnp-z2-9]{12}$/;
const maxPosters = 500;

export function newQrToken(): string {
  let token = '';
  for (let i = 0; i < tokenLength; i++) token += tokenAlphabet[randomInt(tokenAlphabet.length)];
  return token;
}

export const posterUrl = (publicUrl: string, token: string) => `${publicUrl}/r/p/${token}`;
/** 社区公开页: the community's page without login, printed on each of its posters. */
export const communityPageUrl = (publicUrl: string, communityCode: string) => `${publicUrl}/m/c/${communityCode}`;

type PosterPlace = Pick<Place, 'id' | 'code' | 'kind' | 'path' | 'tenant_id'>;

/** The places asked for: exactly the codes given, or every place of the kinds under `under`. */
async function chosenPlaces(db: Executor, actor: Actor, under: Place, input: QrPosterRequest) {
  if (!input.codes) {
    const found = await repo.posterPlacesUnder(
      db,
      under.path,
      input.kinds,
      scopeOf(actor, 'places:write'),
      maxPosters + 1,
    );
    if (found.length > maxPosters) throw new AppError('QR_POSTERS_TOO_MANY', { max: maxPosters });
    return found;
  }
  const codes = [...new Set(input.codes)];
  const found = await repo.findByCodes(db, codes);
  for (const code of codes) {
    const place = found.find((p) => p.code === code);
    const fits =
      place &&
      place.status === 'active' &&
      (posterPlaceKinds as readonly string[]).includes(place.kind) &&
      isUnder(place.path, under.path) &&
      can(actor, 'places:write', place.path);
    if (!fits) throw new AppError('NOT_FOUND', { code });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Each place's token, made now where it has none yet. */
async function tokensFor(trx: Executor, places: PosterPlace[], now: Date): Promise<Map<string, string>> {
  const ids = places.map((p) => p.id);
  const have = new Set((await repo.qrCodesOf(trx, ids)).map((r) => r.place_id));
  await repo.insertQrCodes(
    trx,
    places
      .filter((p) => !have.has(p.id))
      .map((p) => ({ token: newQrToken(), placeId: p.id, tenantId: p.tenant_id!, createdAt: now })),
  );
  return new Map((await repo.qrCodesOf(trx, ids)).map((r) => [r.place_id, r.token]));
}

type Label = Awaited<ReturnType<typeof repo.placeLabels>>[number];

/** What a poster prints about its place: the name people use, where it belongs, the phone. */
function describe(place: { path: string }, labels: Map<string, Label>) {
  const chain = place.path
    .split('/')
    .filter(Boolean)
    .map((code) => labels.get(code))
    .filter((l): l is Label => Boolean(l));
  const community = chain.findIndex((l) => l.kind === 'community');
  const own = chain.slice(community).filter((l) => l.kind !== 'grid');
  const street = chain.find((l) => l.kind === 'street');
  const grid = chain.find((l) => l.kind === 'grid');
  const phone = [...chain].reverse().find((l) => l.phone && chain.indexOf(l) >= community)?.phone ?? '';
  return {
    title: own.map((l) => l.name).join(' '),
    subtitle: [street?.name, grid?.name].filter(Boolean).join(' · '),
    street: street?.name ?? '',
    community: chain[community],
    phone,
  };
}

export async function labelsFor(db: Executor, places: { path: string }[]) {
  const codes = [...new Set(places.flatMap((p) => p.path.split('/').filter(Boolean)))];
  return new Map((await repo.placeLabels(db, codes)).map((l) => [l.code, l]));
}

export async function printQrPosters(deps: QrPostersDeps, actor: Actor, input: QrPosterRequest): Promise<Buffer> {
  const { db, clock } = deps;
  const pages = await db.transaction().execute(async (trx) => {
    const under = await repo.findByCode(trx, input.under);
    if (!under) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'places:write', under.path);
    const places = await chosenPlaces(trx, actor, under, input);
    if (places.length === 0) throw new AppError('QR_POSTERS_NONE');
    const now = clock.now();
    const tokens = await tokensFor(trx, places, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'place.qrPosters',
        entityType: 'place',
        entityId: under.code,
        tenantId: under.tenant_id,
        after: { count: places.length, kinds: input.codes ? null : input.kinds, codes: places.map((p) => p.code) },
      },
      now,
    );
    const labels = await labelsFor(trx, places);
    return places.map((p): PosterPage => {
      const d = describe(p, labels);
      return {
        title: d.title,
        subtitle: d.subtitle,
        phone: d.phone,
        url: posterUrl(deps.publicUrl, tokens.get(p.id)!),
        publicPageUrl: d.community ? communityPageUrl(deps.publicUrl, d.community.code) : undefined,
      };
    });
  });
  return qrPosterSheets('扫码反映问题', pages);
}

/**
 * The place a poster's token stands for, with what the report form shows about it; a token that
 * is malformed, unknown or of a place no longer in use is QR_TOKEN_INVALID (404).
 */
export async function placeOfQrToken(db: Executor, token: string) {
  if (!qrTokenPattern.test(token)) throw new AppError('QR_TOKEN_INVALID');
  const place = await repo.placeOfQrToken(db, token);
  if (!place || place.status !== 'active') throw new AppError('QR_TOKEN_INVALID');
  const d = describe(place, await labelsFor(db, [place]));
  const pointOwner =
    place.kind === 'unit' ? (await repo.findByCode(db, place.code.replace(/-[^-]+$/, '')))?.id : place.id;
  const point = pointOwner ? await repo.pointOfPlace(db, pointOwner) : null;
  return {
    place,
    fullName: d.title,
    community: { code: d.community!.code, name: d.community!.name },
    street: d.street,
    phone: d.phone,
    point,
  };
}
