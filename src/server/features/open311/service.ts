import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { CasesService } from '../cases/service.js';
import type { ApiKeys } from './apikeys.js';
import { Open311Error } from './format.js';

// GeoReport v2 on top of the cases: a service is a case category, a request is a case, and the
// service_request_id is the tracking code. jurisdiction_id is the county code.

const closedStates = new Set(['resolved', 'closed', 'rejected']);
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

export function createOpen311({ db, cases, keys }: { db: Db; cases: CasesService; keys: ApiKeys }) {
  async function jurisdiction(id: string | undefined) {
    const tenants = (await db.selectFrom('places').select('code').where('kind', '=', 'county').where('tenant_id', 'is not', null).execute()).map((t) => t.code);
    const seeded = await db.selectFrom('places').select('tenant_id').where('kind', '=', 'community').limit(1).executeTakeFirst();
    if (id) {
      if (!tenants.includes(id)) throw new Open311Error(404, 404, `jurisdiction_id ${id} not found`);
      return id;
    }
    if (!seeded?.tenant_id) throw new Open311Error(400, 400, 'jurisdiction_id required');
    return seeded.tenant_id;
  }

  async function communities(tenantId: string) {
    return db.selectFrom('places').select(['code', 'name']).where('tenant_id', '=', tenantId).where('kind', '=', 'community').where('status', '=', 'active').orderBy('code').execute();
  }

  function toRequest(c: CaseRow & { category_name: string | null }) {
    return {
      service_request_id: c.tracking_code,
      status: closedStates.has(c.state) ? 'closed' : 'open',
      status_notes: c.state === 'rejected' ? '不予受理' : c.result_text ?? '',
      service_name: c.category_name ?? '',
      service_code: c.category_code ?? '',
      description: c.description,
      agency_responsible: c.assignee_name ?? '',
      service_notice: '',
      requested_datetime: iso(c.created_at),
      updated_datetime: iso(c.updated_at),
      expected_datetime: iso(c.resolve_due_at),
      address: c.address,
      address_id: '',
      zipcode: '',
      lat: c.lat ?? '',
      long: c.lng ?? '',
      media_url: c.media_url ?? '',
    };
  }

  const withCategory = () => db.selectFrom('cases as c').leftJoin('case_categories as k', 'k.code', 'c.category_code').selectAll('c').select('k.name_zh as category_name');

  return {
    async services(jurisdictionId?: string) {
      await jurisdiction(jurisdictionId);
      const categories = await cases.categories('zh-CN');
      const groups = new Map(categories.filter((k) => !k.parentCode).map((k) => [k.code, k.name]));
      return categories.filter((k) => k.parentCode).map((k) => ({
        service_code: k.code, service_name: k.name, description: `${groups.get(k.parentCode!)} · ${k.name}（${k.resolveHours} 小时内办结）`,
        metadata: true, type: 'realtime', keywords: '', group: groups.get(k.parentCode!) ?? '',
      }));
    },

    async definition(code: string, jurisdictionId?: string) {
      const tenant = await jurisdiction(jurisdictionId);
      const service = (await cases.categories('zh-CN')).find((k) => k.code === code && k.parentCode);
      if (!service) throw new Open311Error(404, 404, `service_code ${code} not found`);
      return {
        service_code: code,
        attributes: [
          {
            variable: true, code: 'community', datatype: 'singlevaluelist', required: false, datatype_description: '不提供经纬度时必填：问题所在社区',
            order: 1, description: '所在社区', values: (await communities(tenant)).map((c) => ({ key: c.code, name: c.name })),
          },
          { variable: true, code: 'urgent', datatype: 'singlevaluelist', required: false, datatype_description: '', order: 2, description: '是否紧急', values: [{ key: 'no', name: '一般' }, { key: 'yes', name: '紧急' }] },
        ],
      };
    },

    async create(params: Record<string, string>, attributes: Record<string, string>) {
      if (!params.api_key) throw new Open311Error(403, 403, 'api_key required');
      const keyTenant = await keys.verify(params.api_key);
      if (!keyTenant) throw new Open311Error(403, 403, 'invalid api_key');
      const tenant = await jurisdiction(params.jurisdiction_id || keyTenant);
      if (tenant !== keyTenant) throw new Open311Error(403, 403, 'api_key not valid for this jurisdiction');
      if (!params.service_code) throw new Open311Error(400, 400, 'service_code required');
      await this.definition(params.service_code, tenant);
      const lat = params.lat ? Number(params.lat) : undefined;
      const lng = params.long ? Number(params.long) : undefined;
      if ((lat !== undefined && !(lat >= -90 && lat <= 90)) || (lng !== undefined && !(lng >= -180 && lng <= 180))) throw new Open311Error(400, 400, 'lat/long out of range');
      const location = lat !== undefined && lng !== undefined;
      if (!location && !params.address_string && !params.address_id) throw new Open311Error(400, 400, 'location required: lat and long, address_string or address_id');
      const community = attributes.community;
      if (!location && !community) throw new Open311Error(400, 400, 'attribute[community] required when lat/long are not given');
      const description = (params.description ?? '').trim();
      if (description.length < 5 || description.length > 2000) throw new Open311Error(400, 400, 'description must have 5 to 2000 characters');
      try {
        const created = await cases.intake(null, {
          channel: 'open311', lng, lat, placeCode: location ? undefined : community, address: params.address_string ?? '', categoryCode: params.service_code,
          priority: attributes.urgent === 'yes' ? 'urgent' : 'normal', description,
          reporterName: [params.last_name, params.first_name].filter(Boolean).join('') || 'Open311', reporterPhone: params.phone || undefined,
          photoIds: [], mediaUrl: params.media_url?.slice(0, 500), externalAccount: params.account_id?.slice(0, 100) ?? params.device_id?.slice(0, 100),
        });
        return [{ service_request_id: created.trackingCode, token: created.trackingCode, service_notice: '已受理，社区将在 30 分钟内联系您', account_id: params.account_id ?? '' }];
      } catch (error) {
        if (error instanceof AppError) throw new Open311Error(error.status === 404 ? 404 : 400, error.status === 404 ? 404 : 400, error.code);
        throw error;
      }
    },

    async list(query: Record<string, string>) {
      const tenant = await jurisdiction(query.jurisdiction_id);
      let q = withCategory().where('c.tenant_id', '=', tenant);
      if (query.service_request_id) {
        const ids = query.service_request_id.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean).slice(0, 100);
        q = q.where('c.tracking_code', 'in', ids);
      } else {
        // The spec's default: the last 90 days, at most 1000 requests.
        const end = query.end_date ? new Date(query.end_date) : new Date();
        const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - 90 * 86_400_000);
        if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new Open311Error(400, 400, 'start_date and end_date must be w3 date-times');
        if (start > end) throw new Open311Error(400, 400, 'start_date is after end_date');
        if (end.getTime() - start.getTime() > 90 * 86_400_000) throw new Open311Error(400, 400, 'the date range is at most 90 days');
        q = q.where('c.created_at', '>=', start).where('c.created_at', '<=', end);
        if (query.service_code) q = q.where('c.category_code', 'in', query.service_code.split(',').map((s) => s.trim()));
        if (query.status === 'open') q = q.where('c.state', 'not in', [...closedStates]);
        else if (query.status === 'closed') q = q.where('c.state', 'in', [...closedStates]);
        else if (query.status) throw new Open311Error(400, 400, 'status must be open or closed');
      }
      const rows = await q.orderBy('c.created_at', 'desc').limit(1000).execute();
      return rows.map((r) => toRequest(r as CaseRow & { category_name: string | null }));
    },

    async one(id: string, jurisdictionId?: string) {
      const tenant = await jurisdiction(jurisdictionId);
      const row = await withCategory().where('c.tenant_id', '=', tenant).where('c.tracking_code', '=', id.toUpperCase()).executeTakeFirst();
      if (!row) throw new Open311Error(404, 404, `service_request_id ${id} not found`);
      return [toRequest(row as CaseRow & { category_name: string | null })];
    },

    async token(token: string, jurisdictionId?: string) {
      const tenant = await jurisdiction(jurisdictionId);
      const row = await db.selectFrom('cases').select('tracking_code').where('tenant_id', '=', tenant).where(sql<boolean>`tracking_code = upper(${token})`).executeTakeFirst();
      if (!row) throw new Open311Error(404, 404, `token ${token} not found`);
      return [{ service_request_id: row.tracking_code, token }];
    },
  };
}

export type Open311 = ReturnType<typeof createOpen311>;
