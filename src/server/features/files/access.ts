import type { Executor } from '../../platform/audit.js';
import { invalid } from '../../platform/errors.js';
import { can, departmentsWith, placeScopePaths, type Actor } from '../../platform/policy.js';
import { mayReadCase } from '../../platform/case-access.js';
import { isUnder } from '../../platform/scope.js';
import * as repo from './repository.js';

// Who may read a stored file — and so who may attach it. A file id is no secret (it travels in
// case details and visit logs), so attaching must never grant what reading would not: a file shown
// on a case is readable by whoever reads the case, and attaching someone else's file to one's own
// case would otherwise hand it over.

/** The uploader, and whoever may read a visit log, a case (a summoned receiver too), a mediation session, a service item, a community-life record or a co-building unit's record showing the file. */
export async function canReadFile(
  db: Executor,
  actor: Actor,
  file: { id: string; uploaded_by: string | null },
): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (file.uploaded_by !== null && file.uploaded_by === actor.userId) return true;
  if ((await repo.visitPathsShowing(db, file.id)).some((p) => can(actor, 'visits:read', p))) return true;
  for (const c of await repo.casePathsShowingFile(db, file.id)) if (await mayReadCase(db, actor, c)) return true;
  if (mayReadApplicationFile(actor, await repo.applicationsShowingFile(db, file.id))) return true;
  // A service item's sample (样表) is public while the item is offered; the county's staff read it always.
  if (actor.tenantId !== null && (await repo.serviceSampleCounties(db, file.id)).includes(actor.tenantId)) return true;
  if ((await repo.mediationPathsShowing(db, file.id)).some((p) => can(actor, 'disputes:read', p))) return true;
  // 邻里生活 (issue 16): the community's staff read the photos of its wishes, micro-actions, goods and
  // stewards' records; residents see a wish's or goods' photo through that record's own photo route.
  if ((await repo.communityRecordPathsShowingFile(db, file.id)).some((r) => can(actor, 'community:read', r.place_path)))
    return true;
  // 共驻共建 (issue 16): the community's staff and the unit's own liaison read its agreement and proof.
  return (await repo.unitRecordsShowingFile(db, file.id, actor.userId)).some(
    (r) => can(actor, 'community:read', r.place_path) || (r.liaison && can(actor, 'units:liaise', r.place_path)),
  );
}

/**
 * 办件 (issue 15): the applicant, the window of the application's place, and the reviewers of its
 * parts (their department, or services:review over the handling community or street).
 */
function mayReadApplicationFile(
  actor: Actor,
  rows: {
    place_path: string;
    applicant_user_id: string | null;
    department_id: string | null;
    handler_path: string | null;
  }[],
): boolean {
  const departments = departmentsWith(actor, 'services:review');
  const places = placeScopePaths(actor, 'services:review');
  return rows.some(
    (r) =>
      (r.applicant_user_id !== null && r.applicant_user_id === actor.userId) ||
      can(actor, 'services:window', r.place_path) ||
      (r.department_id !== null && departments.includes(r.department_id)) ||
      (r.handler_path !== null && places.some((p) => isUnder(r.handler_path!, p))),
  );
}

/**
 * One's own upload of another county (a file takes the uploader's first county), shown by no row yet,
 * moves to the county of the row that will show it.
 */
async function bringOwnFileTo(
  db: Executor,
  actor: Actor | null,
  file: { id: string; tenant_id: string; uploaded_by: string | null },
  county: string,
) {
  if (file.tenant_id === county || !actor?.userId || file.uploaded_by !== actor.userId) return;
  if (await repo.moveUnshownFile(db, file, county)) file.tenant_id = county;
}

/**
 * The one gate of every operation that attaches file ids: each must name a file the actor may
 * already read, or one stored by this very request (`uploadedNow`: a public report's own photos).
 * Without a login only the latter. A file one may not read is refused like one that does not
 * exist, so ids cannot be probed; so is one of another county than `county`, where the row that shows
 * it keeps it by a key with its county (migration 0054), unless it is the actor's own and shown by
 * nothing yet (then it moves). Returns the files.
 */
export async function attachableFiles(
  db: Executor,
  actor: Actor | null,
  ids: readonly string[],
  options: { field: string; uploadedNow?: readonly string[]; county?: string },
) {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const files = await repo.findFiles(db, unique);
  const uploadedNow = new Set(options.uploadedNow ?? []);
  for (const id of unique) {
    const file = files.find((f) => f.id === id);
    if (file && options.county !== undefined) await bringOwnFileTo(db, actor, file, options.county);
    const allowed =
      file !== undefined &&
      (options.county === undefined || file.tenant_id === options.county) &&
      (uploadedNow.has(id) || (actor !== null && (await canReadFile(db, actor, file))));
    if (!allowed) throw invalid(options.field, 'unknownPhoto');
  }
  return files;
}
