import { asTenant } from '../../platform/db/tenant-guard.js';
import { AppError, invalid } from '../../platform/errors.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import { isUnder } from '../../platform/scope.js';
import { findByCode } from '../places/index.js';
import { definition, jurisdiction } from './catalogue.js';
import type { Open311Deps } from './deps.js';
import { refusal } from './format.js';
import * as repo from './repository.js';

// Filing a request (POST requests.json): an api_key files in its own county only, and every place
// the request names must lie in that county; the case itself is made by the cases intake.

/** A decimal degree within ±limit; '' or absent is undefined. */
function parseDegree(value: string | undefined, field: 'lat' | 'long', limit: 90 | 180): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = /^-?\d{1,3}(\.\d{1,12})?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= -limit && n <= limit)) throw invalid(field, limit === 90 ? 'latitudeRange' : 'longitudeRange');
  return n;
}

function yesNo(value: string | undefined, field: string): boolean {
  if (value === undefined || value === '' || value === 'no') return false;
  if (value === 'yes') return true;
  throw invalid(field, 'yesOrNo');
}

/** Filing is limited per address, counted before the form is even read. */
export async function admit({ db, clock }: Open311Deps, ip: string | null) {
  await hitRateLimit(db, `open311:ip:${ip ?? 'unknown'}`, 600, 3_600_000, clock.now());
}

/** A named place must lie in the key's county: elsewhere is 403, unknown is 400. */
async function placeInCounty(
  db: Open311Deps['db'],
  code: string,
  field: string,
  kinds: readonly string[],
  countyPath: string,
) {
  const place = await findByCode(db, code);
  if (!place || place.status !== 'active' || !kinds.includes(place.kind)) throw invalid(field, 'noSuchPlace');
  if (!isUnder(place.path, countyPath)) throw refusal('OPEN311_OUTSIDE_COUNTY', field, 'outsideKeyCounty');
  return place;
}

/** The county of the api_key; a jurisdiction_id, when given, must name it. */
async function keyCounty({ db, keys }: Open311Deps, params: Record<string, string>) {
  const tenant = params.api_key ? await keys.verify(params.api_key) : null;
  if (!tenant) throw new AppError('OPEN311_KEY_INVALID');
  if (params.jurisdiction_id && params.jurisdiction_id !== tenant) {
    await jurisdiction(db, params.jurisdiction_id);
    throw refusal('OPEN311_OUTSIDE_COUNTY', 'jurisdiction_id', 'notKeyCounty');
  }
  const county = await repo.county(db, tenant);
  if (!county) throw new AppError('OPEN311_KEY_INVALID');
  return { tenant, county };
}

/** The request's own fields, checked in the order a client reads the errors. */
function readFiling(params: Record<string, string>, attributes: Record<string, string>) {
  const lat = parseDegree(params.lat, 'lat', 90);
  const lng = parseDegree(params.long, 'long', 180);
  if ((lat === undefined) !== (lng === undefined)) throw invalid(lat === undefined ? 'lat' : 'long', 'latLongTogether');
  const isPublic = yesNo(attributes.public, 'attribute[public]');
  const description = (params.description ?? '').trim();
  if (description.length < 5 || description.length > 2000) throw invalid('description', 'descriptionLength');
  const name = [params.last_name, params.first_name].filter(Boolean).join('').trim();
  if (name.length > 40) throw invalid('first_name', 'nameTooLong');
  if ((params.address_string ?? '').length > 200) throw invalid('address_string', 'addressTooLong');
  // A link other systems may show: only http(s), so it can never be a script.
  if (params.media_url && (params.media_url.length > 500 || !/^https?:\/\/[^\s]+$/i.test(params.media_url)))
    throw invalid('media_url', 'httpUrl');
  return { lat, lng, isPublic, description, name };
}

/** Every place the request names must lie in the key's county; at least one must be named. */
async function placesNamed(
  { db, locator }: Open311Deps,
  countyPath: string,
  point: { lat: number | undefined; lng: number | undefined },
  params: Record<string, string>,
  attributes: Record<string, string>,
) {
  const { lat, lng } = point;
  const located = lat !== undefined && lng !== undefined ? await locator.locate(lng, lat) : null;
  if (located && !isUnder(located.path, countyPath)) throw refusal('OPEN311_OUTSIDE_COUNTY', 'lat', 'outsideKeyCounty');
  const community = attributes.community
    ? await placeInCounty(db, attributes.community, 'attribute[community]', ['community'], countyPath)
    : undefined;
  const address = params.address_id
    ? await placeInCounty(db, params.address_id, 'address_id', ['building', 'unit', 'household'], countyPath)
    : undefined;
  if (address && community && !isUnder(address.path, community.path)) throw invalid('address_id', 'notInCommunity');
  if (!located && !community && !address) {
    throw invalid(lat !== undefined ? 'lat' : 'attribute[community]', 'locationRequired');
  }
  return { community, address };
}

type IntakeInput = Parameters<Open311Deps['cases']['intake']>[1];

/** What the cases intake is given for a filed request. */
function intakeInput(
  params: Record<string, string>,
  attributes: Record<string, string>,
  filing: ReturnType<typeof readFiling>,
  place: { code: string } | undefined,
): IntakeInput {
  const { lat, lng, isPublic, description, name } = filing;
  return {
    channel: 'open311',
    lng,
    lat,
    placeCode: place?.code,
    address: (params.address_string ?? '').trim(),
    categoryCode: params.service_code,
    priority: yesNo(attributes.urgent, 'attribute[urgent]') ? 'urgent' : 'normal',
    description,
    isPublic,
    reporterName: name || 'Open311',
    reporterPhone: params.phone || undefined,
    photoIds: [],
    mediaUrl: params.media_url || undefined,
    externalAccount: params.account_id?.slice(0, 100) ?? params.device_id?.slice(0, 100),
  };
}

export async function fileRequest(
  deps: Open311Deps,
  params: Record<string, string>,
  attributes: Record<string, string>,
) {
  const { tenant, county } = await keyCounty(deps, params);
  if (!params.service_code) throw invalid('service_code', 'required');
  await definition(deps, params.service_code, tenant);
  const filing = readFiling(params, attributes);
  const { community, address } = await placesNamed(deps, county.path, filing, params, attributes);
  const input = intakeInput(params, attributes, filing, address ?? community);
  // The places were looked up across counties, to say so when one lies in another (403, not "unknown");
  // the case is filed as the key's county: with the tenant guard on, no statement reaches another.
  const created = await asTenant(tenant, () =>
    deps.cases.intake(null, input, { path: community?.path ?? county.path }),
  );
  return [
    {
      service_request_id: created.trackingCode,
      token: created.trackingCode,
      service_notice: '已受理，社区将在 30 分钟内联系您',
      account_id: params.account_id ?? '',
    },
  ];
}
