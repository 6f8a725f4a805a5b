import { cutText } from '../../../shared/text.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder } from '../../platform/scope.js';
import { findFiles } from '../files/index.js';
import { findByCode, listByIds } from '../places/index.js';
import { agreementPdf, analysisPdf } from './documents.js';
import { readableDispute } from './read.js';
import * as repo from './repository.js';
import type { DisputesDeps } from './deps.js';
import { disputeRiskLabels, disputeStatusLabels, disputeTypeLabels } from '../../../shared/disputes.js';

// The ledger's papers: the mediation agreement (人民调解协议书) and the monthly analysis (两排查一分析).

// The Chinese words of src/shared/disputes.ts, looked up by the column's text.
const typeNames: Record<string, string> = disputeTypeLabels;
const riskNames: Record<string, string> = disputeRiskLabels;
const statusNames: Record<string, string> = disputeStatusLabels;

/** The mediation agreement with the parties' signatures, from the last agreed session. */
export async function agreement(deps: DisputesDeps, actor: Actor, id: string) {
  const { db, storage } = deps;
  const d = await readableDispute(deps, actor, id);
  const session = await repo.lastAgreedSession(db, id);
  if (!session) throw new AppError('NOT_FOUND', { reason: 'no agreement yet' });
  const parties = await repo.partiesOf(db, id);
  const files = await findFiles(db, session.signature_file_ids);
  // The signatures come in the order of the parties.
  const signatures = await Promise.all(
    parties.map(async (p, i) => {
      const file = files.find((f) => f.id === session.signature_file_ids[i]);
      return { name: p.name, image: file ? await storage.get(file.storage_key) : null };
    }),
  );
  const communityCode = d.place_path.split('/').find((c) => /^\d{12}$/.test(c));
  const community = communityCode ? await findByCode(db, communityCode) : undefined;
  return agreementPdf({
    code: d.code,
    summary: d.summary,
    agreement: session.agreement_text ?? '',
    mediators: session.mediators,
    legalAdvisers: session.legal_advisers,
    heldAt: session.held_at,
    parties: parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.id_number_masked, phone: p.phone_masked })),
    signatures,
    community: community?.name ?? '',
  });
}

/** Counts by a key, named, the largest first. */
function countBy<Row>(rows: Row[], key: (row: Row) => string, names: Record<string, string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return [...counts].map(([k, n]) => [names[k] ?? k, n] as [string, number]).sort((a, b) => b[1] - a[1]);
}

/** 两排查一分析: the month's disputes under a place, as a PDF. */
export async function analysis(deps: DisputesDeps, actor: Actor, under: string, month: string) {
  const { db } = deps;
  const place = (await resolveUnder(db, actor, 'disputes:read', under))!;
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) - 8 * 3_600_000);
  const rows = await repo.disputesRecordedUnder(db, place.path, from, to);
  const placeNames = new Map(
    (await listByIds(db, [...new Set(rows.map((r) => r.place_id))])).map((p) => [p.id, p.name]),
  );
  return analysisPdf({
    place: place.name,
    month,
    total: rows.length,
    byType: countBy(rows, (d) => d.dispute_type, typeNames),
    byRisk: countBy(rows, (d) => d.risk, riskNames),
    byPlace: countBy(rows, (d) => d.place_id, Object.fromEntries(placeNames)),
    resolved: rows.filter((d) => d.status === 'agreed' || d.status === 'closed').length,
    highRiskOpen: rows
      .filter((d) => d.risk === 'high' && !['agreed', 'closed'].includes(d.status))
      .map((d) => ({
        code: d.code,
        summary: cutText(d.summary, 30),
        place: placeNames.get(d.place_id) ?? '',
        status: statusNames[d.status],
      })),
  });
}
