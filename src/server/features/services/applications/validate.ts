import {
  answerProblems,
  attachedFileIds,
  type FormAnswers,
  type FormDefinition,
  type Material,
} from '../../../../shared/service-forms.js';
import type { Executor } from '../../../platform/audit.js';
import type { ApplicationMaterial } from '../../../platform/db/schema-services.js';
import { AppError, invalid, type InvalidReason } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { attachableFiles, photoTypes } from '../../files/index.js';

// The server's checks of what an applicant hands in: the answers against the form (every problem
// at once, each naming its field), the materials against the item's list, and every file id: an
// upload the caller may attach, an image or a PDF by its content.

type Issue =
  | { path: string; reason: InvalidReason }
  | { path: string; message: string; messages: { 'zh-CN': string; en: string }; row?: number; column?: string };

const attachTypes = new Set([...photoTypes, 'application/pdf']);

export interface CheckedHandIn {
  answers: FormAnswers;
  materials: ApplicationMaterial[];
  fileIds: string[];
}

/** Throws 400 VALIDATION_FAILED listing every problem; returns the answers, materials and file ids to store. */
export async function checkHandIn(
  db: Executor,
  actor: Actor,
  form: FormDefinition,
  list: Material[],
  given: { answers: Record<string, unknown>; materials: ApplicationMaterial[] },
  staff: boolean,
): Promise<CheckedHandIn> {
  const answers = given.answers as FormAnswers;
  const issues: Issue[] = answerProblems(form, answers).map((p) => ({
    path: `answers.${p.field}`,
    message: p.message['zh-CN'],
    messages: p.message,
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
  }));
  const keys = new Set<string>();
  for (const m of given.materials) {
    if (!list.some((l) => l.key === m.key)) issues.push({ path: `materials.${m.key}`, reason: 'unknownMaterial' });
    keys.add(m.key);
  }
  for (const l of list.filter((l) => l.required)) {
    const m = given.materials.find((g) => g.key === l.key);
    if (!m || (m.fileIds.length === 0 && !m.atWindow))
      issues.push({ path: `materials.${l.key}`, reason: 'materialMissing' });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  const fileIds = [...new Set([...attachedFileIds(form, answers), ...given.materials.flatMap((m) => m.fileIds)])];
  const files = await attachableFiles(db, actor, fileIds, { field: 'materials' });
  if (files.some((f) => !attachTypes.has(f.mime))) throw invalid('materials', 'notImageOrPdf');
  // One entry per material key, the last given wins. `atWindow` from staff: checked there; from a
  // resident: she will bring it (带到窗口核验), checked at the pre-check. A check made stays.
  const materials = [...keys].map((key) => {
    const m = [...given.materials].reverse().find((g) => g.key === key)!;
    return {
      key: m.key,
      fileIds: m.fileIds,
      atWindow: m.atWindow,
      checked: m.atWindow && (staff || m.checked === true),
    };
  });
  return { answers, materials, fileIds };
}
