import type { Executor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { FileStorage } from '../../platform/storage.js';
import { caseStateLabels, type CaseState } from '../../../shared/cases.js';
import { placeTotals } from '../stats/index.js';
import * as repo from './repository.js';
import type { publicStages } from './schemas.js';

// 社区公开页 (no login): a community's numbers this month, read with the dashboard's own function,
// and the reports its residents made public. Every read is counted per address (as the tracking
// page is), and anything that is not an active community's code answers 404, never 400 or 500.

export interface PublicPageDeps {
  db: Executor;
  clock: Clock;
  storage: FileStorage;
}

const hour = 3_600_000;
const day = 86_400_000;
/** Page loads, with a photo or two each, per address and hour. */
export const publicPageHitsPerHour = 1200;
/** Reports shown: those of the last 90 days, at most this many. */
export const reportWindowDays = 90;
export const maxReports = 200;

const communityCode = /^\d{12}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Stage = (typeof publicStages)[number];
const stageOf: Record<CaseState, Stage> = {
  submitted: 'waiting',
  accepted: 'working',
  dispatched: 'working',
  in_progress: 'working',
  suspended: 'working',
  verifying: 'working',
  resolved: 'done',
  closed: 'done',
  rejected: 'rejected',
};
const stateLabelsEn: Record<CaseState, string> = {
  submitted: 'Received',
  accepted: 'Accepted',
  dispatched: 'Dispatched',
  in_progress: 'In progress',
  suspended: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
  rejected: 'Not accepted',
  verifying: 'Being checked',
};

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const codesOf = (path: string) => path.split('/').filter(Boolean);

type ReportRow = Awaited<ReturnType<typeof repo.publicReports>>[number];
type PlaceRow = Awaited<ReturnType<typeof repo.publicPlaces>>[number];
const numberOrNull = (...values: (number | string | null | undefined)[]) => {
  const found = values.find((v) => v !== null && v !== undefined);
  return found === undefined ? null : round3(Number(found));
};

/** A public report as the page shows it: labels, the day, a rounded point, the building. */
function presentReport(r: ReportRow, byCode: Map<string, PlaceRow>, code: string, locale: Locale) {
  // The deepest building, spot or grid above the case's place: never its unit or household.
  const place = codesOf(r.place_path)
    .reverse()
    .map((k) => byCode.get(k))
    .find((p) => p !== undefined);
  const state = r.state as CaseState;
  const en = locale === 'en';
  return {
    id: r.id,
    category: (en ? r.category_en : r.category_zh) ?? (en ? 'Other' : '其他'),
    state: en ? stateLabelsEn[state] : caseStateLabels[state],
    stage: stageOf[state] ?? 'working',
    date: shanghaiDate(new Date(r.created_at).getTime()),
    lat: numberOrNull(r.lat, place?.building_lat, place?.spot_lat),
    lng: numberOrNull(r.lng, place?.building_lng, place?.spot_lng),
    place: place?.name ?? null,
    photoUrl: r.photo_ids.length > 0 ? `/api/v1/public/communities/${code}/reports/${r.id}/photo` : null,
  };
}

export function createPublicPageService(deps: PublicPageDeps) {
  const { db, clock } = deps;

  async function community(ip: string | null, code: string) {
    await hitRateLimit(db, `publicpage:ip:${ip ?? 'unknown'}`, publicPageHitsPerHour, hour, clock.now());
    const found = communityCode.test(code) ? await repo.findCommunity(db, code) : undefined;
    if (!found || found.status !== 'active' || !found.tenant_id) throw new AppError('PUBLIC_PAGE_COMMUNITY_NOT_FOUND');
    return { ...found, tenant_id: found.tenant_id };
  }

  const since = () => new Date(clock.now().getTime() - reportWindowDays * day);

  return {
    /** Name, street, county and this month's 响应率 / 解决率 / 满意率 with their counts. */
    async overview(ip: string | null, code: string) {
      const c = await community(ip, code);
      const ancestors = await repo.placesByCodes(db, codesOf(c.path));
      const nameOf = (kind: string) => ancestors.find((p) => p.kind === kind)?.name ?? null;
      const to = shanghaiDate(clock.now().getTime());
      const from = `${to.slice(0, 7)}-01`;
      const { totals: t, rates } = await placeTotals(db, c.path, from, to);
      return {
        community: { code: c.code, name: c.name },
        street: nameOf('street'),
        county: nameOf('county'),
        month: to.slice(0, 7),
        from,
        to,
        received: t.received,
        response: { rate: rates.responseRate, numerator: t.contacted_on_time, denominator: t.valid },
        resolution: { rate: rates.resolutionRate, numerator: t.solved, denominator: t.rated },
        satisfaction: { rate: rates.satisfactionRate, numerator: t.satisfied, denominator: t.rated },
      };
    },

    /** The public reports of the last 90 days: what, how far along, when, roughly where. */
    async reports(ip: string | null, code: string, locale: Locale) {
      const c = await community(ip, code);
      const rows = await repo.publicReports(db, {
        tenantId: c.tenant_id,
        path: c.path,
        since: since(),
        limit: maxReports,
      });
      const places = await repo.publicPlaces(db, [...new Set(rows.flatMap((r) => codesOf(r.place_path)))]);
      const byCode = new Map(places.map((p) => [p.code, p]));
      return {
        items: rows.map((r) => presentReport(r, byCode, c.code, locale)),
      };
    },

    /** The first photo of a public report, for its row on the page. */
    async photo(ip: string | null, code: string, id: string) {
      const c = await community(ip, code);
      const found = uuid.test(id)
        ? await repo.publicReportPhotoIds(db, { tenantId: c.tenant_id, path: c.path, since: since(), id })
        : undefined;
      const file = found?.photo_ids[0] ? await repo.storedFile(db, found.photo_ids[0]) : undefined;
      const bytes = file ? await deps.storage.get(file.storage_key) : null;
      if (!file || !bytes) throw new AppError('PUBLIC_PAGE_REPORT_NOT_FOUND');
      return { bytes, mime: file.mime };
    },
  };
}

export type PublicPageService = ReturnType<typeof createPublicPageService>;
