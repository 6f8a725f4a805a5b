import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, invalid } from '../../platform/errors.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { CasesService } from '../cases/service.js';
import type { GridLocator } from '../places/locator.js';
import { findByCode } from '../places/repository.js';
import type { ApiKeys } from './apikeys-service.js';
import { refusal } from './format.js';
import * as repo from './repository.js';
import { isUnder } from '../../platform/scope.js';

// GeoReport v2 on top of the cases: a service is a case category, a request is a case, and the
// service_request_id is the tracking code. jurisdiction_id is the county code.
//
// Trust rules (see docs/cases.md, "Open311"):
// - a key writes only inside its own county: the grid of the point, the community and the address
//   named must all lie in it;
// - public reads show a report's words, place and media only when the reporter made it public
//   (as FixMyStreet leaves non-public reports out of its Open311 output): lists leave the others
//   out, a lookup by id shows their status only;
// - the agency responsible is a department or a community, never a person.

const closedStates = ['resolved', 'closed', 'rejected'] as const;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);
const notFound = (field: string) => refusal('NOT_FOUND', field, 'notFound');

/**
 * A W3C date-time with a four-digit year from 1970 (2026-11-24, 2026-11-24T09:30:00+08:00); a date
 * or time without an offset is Beijing time. Signed or six-digit years and impossible dates are refused.
 */
function parseDate(value: string, field: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (
    !match ||
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > new Date(Date.UTC(year, month, 0)).getUTCDate()
  ) {
    throw invalid(field, 'w3cDateTime');
  }
  const date = new Date(match[5] ? value : `${value}${match[4] ? '' : 'T00:00:00'}+08:00`);
  if (Number.isNaN(date.getTime())) throw invalid(field, 'w3cDateTime');
  return date;
}

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

export function createOpen311({
  db,
  cases,
  keys,
  clock,
  locator,
}: {
  db: Db;
  cases: CasesService;
  keys: ApiKeys;
  clock: Clock;
  locator: GridLocator;
}) {
  /** The county asked for; without jurisdiction_id, the one county in use (several need the id). */
  async function jurisdiction(id: string | undefined): Promise<string> {
    if (id) {
      if (!(await repo.county(db, id))) throw notFound('jurisdiction_id');
      return id;
    }
    const inUse = await repo.countiesInUse(db, 2);
    if (inUse.length !== 1) throw invalid('jurisdiction_id', 'countyCodeRequired');
    return inUse[0];
  }

  /** A named place must lie in the key's county: elsewhere is 403, unknown is 400. */
  async function placeInCounty(code: string, field: string, kinds: readonly string[], countyPath: string) {
    const place = await findByCode(db, code);
    if (!place || place.status !== 'active' || !kinds.includes(place.kind)) throw invalid(field, 'noSuchPlace');
    if (!isUnder(place.path, countyPath)) throw refusal('OPEN311_OUTSIDE_COUNTY', field, 'outsideKeyCounty');
    return place;
  }

  function toRequest(r: repo.RequestRow) {
    const status = closedStates.includes(r.state as (typeof closedStates)[number]) ? 'closed' : 'open';
    const shown = r.is_public;
    return {
      service_request_id: r.tracking_code,
      status,
      status_notes: shown ? (r.state === 'rejected' ? '不予受理' : (r.result_text ?? '')) : '',
      service_name: shown ? (r.category_name ?? '') : '',
      service_code: shown ? (r.category_code ?? '') : '',
      description: shown ? r.description : '',
      agency_responsible: shown ? r.agency : '',
      service_notice: '',
      requested_datetime: iso(r.created_at),
      updated_datetime: iso(r.updated_at),
      expected_datetime: shown ? iso(r.resolve_due_at) : null,
      address: shown ? r.address : '',
      address_id: '',
      zipcode: '',
      lat: shown ? (r.lat ?? '') : '',
      long: shown ? (r.lng ?? '') : '',
      media_url: shown ? (r.media_url ?? '') : '',
    };
  }

  return {
    /** Filing is limited per address, counted before the form is even read. */
    async admit(ip: string | null) {
      await hitRateLimit(db, `open311:ip:${ip ?? 'unknown'}`, 600, 3_600_000, clock.now());
    },

    async services(jurisdictionId?: string) {
      await jurisdiction(jurisdictionId);
      const categories = await cases.categories('zh-CN');
      const groups = new Map(categories.filter((k) => !k.parentCode).map((k) => [k.code, k.name]));
      return categories
        .filter((k) => k.parentCode)
        .map((k) => ({
          service_code: k.code,
          service_name: k.name,
          description: `${groups.get(k.parentCode!)} · ${k.name}（${k.resolveHours} 小时内办结）`,
          metadata: true,
          type: 'realtime',
          keywords: '',
          group: groups.get(k.parentCode!) ?? '',
        }));
    },

    async definition(code: string, jurisdictionId?: string) {
      const tenant = await jurisdiction(jurisdictionId);
      const service = (await cases.categories('zh-CN')).find((k) => k.code === code && k.parentCode);
      if (!service) throw notFound('service_code');
      return {
        service_code: code,
        attributes: [
          {
            variable: true,
            code: 'community',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '不提供经纬度时必填：问题所在社区',
            order: 1,
            description: '所在社区',
            values: (await repo.activeCommunities(db, tenant)).map((c) => ({ key: c.code, name: c.name })),
          },
          {
            variable: true,
            code: 'urgent',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '',
            order: 2,
            description: '是否紧急',
            values: [
              { key: 'no', name: '一般' },
              { key: 'yes', name: '紧急' },
            ],
          },
          {
            variable: true,
            code: 'public',
            datatype: 'singlevaluelist',
            required: false,
            order: 3,
            description: '是否公开',
            datatype_description: '反映人同意后才选“公开”：别人可以在公开列表里看到问题描述、位置和照片。默认不公开。',
            values: [
              { key: 'no', name: '不公开' },
              { key: 'yes', name: '公开' },
            ],
          },
        ],
      };
    },

    async create(params: Record<string, string>, attributes: Record<string, string>) {
      const tenant = params.api_key ? await keys.verify(params.api_key) : null;
      if (!tenant) throw new AppError('OPEN311_KEY_INVALID');
      if (params.jurisdiction_id && params.jurisdiction_id !== tenant) {
        await jurisdiction(params.jurisdiction_id);
        throw refusal('OPEN311_OUTSIDE_COUNTY', 'jurisdiction_id', 'notKeyCounty');
      }
      const county = await repo.county(db, tenant);
      if (!county) throw new AppError('OPEN311_KEY_INVALID');
      if (!params.service_code) throw invalid('service_code', 'required');
      await this.definition(params.service_code, tenant);
      const lat = parseDegree(params.lat, 'lat', 90);
      const lng = parseDegree(params.long, 'long', 180);
      if ((lat === undefined) !== (lng === undefined))
        throw invalid(lat === undefined ? 'lat' : 'long', 'latLongTogether');
      const isPublic = yesNo(attributes.public, 'attribute[public]');
      const description = (params.description ?? '').trim();
      if (description.length < 5 || description.length > 2000) throw invalid('description', 'descriptionLength');
      const name = [params.last_name, params.first_name].filter(Boolean).join('').trim();
      if (name.length > 40) throw invalid('first_name', 'nameTooLong');
      if ((params.address_string ?? '').length > 200) throw invalid('address_string', 'addressTooLong');
      // A link other systems may show: only http(s), so it can never be a script.
      if (params.media_url && (params.media_url.length > 500 || !/^https?:\/\/[^\s]+$/i.test(params.media_url)))
        throw invalid('media_url', 'httpUrl');

      // Every place the request names must lie in the key's county.
      const located = lat !== undefined && lng !== undefined ? await locator.locate(lng, lat) : null;
      if (located && !isUnder(located.path, county.path))
        throw refusal('OPEN311_OUTSIDE_COUNTY', 'lat', 'outsideKeyCounty');
      const community = attributes.community
        ? await placeInCounty(attributes.community, 'attribute[community]', ['community'], county.path)
        : undefined;
      const address = params.address_id
        ? await placeInCounty(params.address_id, 'address_id', ['building', 'unit', 'household'], county.path)
        : undefined;
      if (address && community && !isUnder(address.path, community.path)) throw invalid('address_id', 'notInCommunity');
      if (!located && !community && !address) {
        throw invalid(lat !== undefined ? 'lat' : 'attribute[community]', 'locationRequired');
      }

      const created = await cases.intake(
        null,
        {
          channel: 'open311',
          lng,
          lat,
          placeCode: address?.code ?? community?.code,
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
        },
        { path: community?.path ?? county.path },
      );
      return [
        {
          service_request_id: created.trackingCode,
          token: created.trackingCode,
          service_notice: '已受理，社区将在 30 分钟内联系您',
          account_id: params.account_id ?? '',
        },
      ];
    },

    async list(query: Record<string, string>) {
      const tenant = await jurisdiction(query.jurisdiction_id);
      if (query.service_request_id) {
        const codes = query.service_request_id
          .split(',')
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean)
          .slice(0, 100);
        if (!codes.length) return [];
        const rows = await repo.findRequests(db, tenant, { trackingCodes: codes, publicOnly: false, limit: 100 });
        return rows.map(toRequest);
      }
      // The spec's default: the last 90 days, at most 1000 requests.
      const end = query.end_date ? parseDate(query.end_date, 'end_date') : clock.now();
      const start = query.start_date
        ? parseDate(query.start_date, 'start_date')
        : new Date(end.getTime() - 90 * 86_400_000);
      if (start > end) throw invalid('start_date', 'startAfterEnd');
      if (end.getTime() - start.getTime() > 90 * 86_400_000) throw invalid('start_date', 'rangeAtMost90Days');
      let states: repo.RequestFilter['states'];
      if (query.status === 'open') states = { notIn: closedStates };
      else if (query.status === 'closed') states = { in: closedStates };
      else if (query.status) throw invalid('status', 'openOrClosed');
      const categoryCodes = query.service_code
        ? query.service_code
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
      const rows = await repo.findRequests(db, tenant, {
        from: start,
        to: end,
        categoryCodes: categoryCodes?.length ? categoryCodes : undefined,
        states,
        publicOnly: true,
        limit: 1000,
      });
      return rows.map(toRequest);
    },

    async one(id: string, jurisdictionId?: string) {
      const tenant = await jurisdiction(jurisdictionId);
      const rows = await repo.findRequests(db, tenant, {
        trackingCodes: [id.toUpperCase()],
        publicOnly: false,
        limit: 1,
      });
      if (!rows.length) throw notFound('service_request_id');
      return rows.map(toRequest);
    },

    async token(token: string, jurisdictionId?: string) {
      const tenant = await jurisdiction(jurisdictionId);
      const row = await repo.findTrackingCode(db, tenant, token);
      if (!row) throw notFound('token');
      return [{ service_request_id: row.tracking_code, token }];
    },
  };
}

export type Open311 = ReturnType<typeof createOpen311>;
