import { invalid } from '../../platform/errors.js';
import { definition, jurisdiction, notFound, services } from './catalogue.js';
import type { Open311Deps } from './deps.js';
import { admit, fileRequest } from './filing.js';
import * as repo from './repository.js';

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

/** What a report shows only when the reporter made it public. */
function publicFields(r: repo.RequestRow) {
  return {
    status_notes: r.state === 'rejected' ? '不予受理' : (r.result_text ?? ''),
    service_name: r.category_name ?? '',
    service_code: r.category_code ?? '',
    description: r.description,
    agency_responsible: r.agency,
    expected_datetime: iso(r.resolve_due_at),
    address: r.address,
    lat: r.lat ?? '',
    long: r.lng ?? '',
    media_url: r.media_url ?? '',
  };
}

const hiddenFields: ReturnType<typeof publicFields> = {
  status_notes: '',
  service_name: '',
  service_code: '',
  description: '',
  agency_responsible: '',
  expected_datetime: null,
  address: '',
  lat: '',
  long: '',
  media_url: '',
};

function toRequest(r: repo.RequestRow) {
  const status = closedStates.includes(r.state as (typeof closedStates)[number]) ? 'closed' : 'open';
  const shown = r.is_public ? publicFields(r) : hiddenFields;
  // GeoReport's order of fields, kept in the JSON and the XML.
  return {
    service_request_id: r.tracking_code,
    status,
    status_notes: shown.status_notes,
    service_name: shown.service_name,
    service_code: shown.service_code,
    description: shown.description,
    agency_responsible: shown.agency_responsible,
    service_notice: '',
    requested_datetime: iso(r.created_at),
    updated_datetime: iso(r.updated_at),
    expected_datetime: shown.expected_datetime,
    address: shown.address,
    address_id: '',
    zipcode: '',
    lat: shown.lat,
    long: shown.long,
    media_url: shown.media_url,
  };
}

async function list({ db, clock }: Open311Deps, query: Record<string, string>) {
  const tenant = await jurisdiction(db, query.jurisdiction_id);
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
}

async function one({ db }: Open311Deps, id: string, jurisdictionId?: string) {
  const tenant = await jurisdiction(db, jurisdictionId);
  const rows = await repo.findRequests(db, tenant, {
    trackingCodes: [id.toUpperCase()],
    publicOnly: false,
    limit: 1,
  });
  if (!rows.length) throw notFound('service_request_id');
  return rows.map(toRequest);
}

async function trackingToken({ db }: Open311Deps, token: string, jurisdictionId?: string) {
  const tenant = await jurisdiction(db, jurisdictionId);
  const row = await repo.findTrackingCode(db, tenant, token);
  if (!row) throw notFound('token');
  return [{ service_request_id: row.tracking_code, token }];
}

export function createOpen311(deps: Open311Deps) {
  return {
    admit: (ip: string | null) => admit(deps, ip),
    services: (jurisdictionId?: string) => services(deps, jurisdictionId),
    definition: (code: string, jurisdictionId?: string) => definition(deps, code, jurisdictionId),
    create: (params: Record<string, string>, attributes: Record<string, string>) =>
      fileRequest(deps, params, attributes),
    list: (query: Record<string, string>) => list(deps, query),
    one: (id: string, jurisdictionId?: string) => one(deps, id, jurisdictionId),
    token: (token: string, jurisdictionId?: string) => trackingToken(deps, token, jurisdictionId),
  };
}

export type Open311 = ReturnType<typeof createOpen311>;
