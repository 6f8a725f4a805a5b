// 办事服务 on the phone: the pure parts of the pages — what a fee and a time limit read as, the form's
// draft (what the inputs hold) and the answers sent, the steps of an application.
import type {
  FormAnswers,
  FormColumn,
  FormDefinition,
  FormField,
  FormProblem,
  FormValue,
  Material,
} from '../../../../shared/service-forms';
import type { ApplicationState, ApplyChannel, PartState } from '../../../../shared/services';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** ¥12.50, or 免费. */
export const feeText = (feeFen: number, t: Translate) =>
  feeFen > 0 ? t('services.fee', { amount: (feeFen / 100).toFixed(feeFen % 100 ? 2 : 0) }) : t('services.free');

/** 5 个工作日, or 当场办结 for 0. */
export const timeLimitText = (days: number, t: Translate) =>
  days > 0 ? t('services.workingDays', { n: days }) : t('services.atOnce');

/** Whether the phone can send the application (otherwise: at the window, with 预约 / 取号). */
export const appliesOnline = (channel: ApplyChannel) => channel !== 'window';

/** A cell or a scalar field as its input holds it: text (numbers too, as typed), or the picked options. */
export type DraftCell = string | string[];
export type DraftRow = Record<string, string>;
/** What the form's inputs hold: text as typed, options picked, file ids, table rows of text. */
export type Draft = Record<string, DraftCell | DraftRow[]>;

const blankRow = (columns: FormColumn[] = []): DraftRow => Object.fromEntries(columns.map((c) => [c.key, '']));

/** An empty row of a table field (the 添加一行 button). */
export const newRow = (field: FormField): DraftRow => blankRow(field.columns);

function blankValue(field: FormField): DraftCell | DraftRow[] {
  if (field.kind === 'table') return Array.from({ length: Math.max(field.minRows ?? 0, 1) }, () => newRow(field));
  if (field.kind === 'file' || (field.kind === 'choice' && field.multiple)) return [];
  return '';
}

/** The form as it opens: empty, with the registry's values in the fields that prefill from them. */
export function initialDraft(form: FormDefinition, prefill: Partial<Record<string, string | null>> = {}): Draft {
  const draft: Draft = {};
  for (const field of form.fields) {
    const known = field.prefill ? prefill[field.prefill] : undefined;
    draft[field.key] = known && field.kind !== 'table' && field.kind !== 'file' ? known : blankValue(field);
  }
  return draft;
}

/** Fills the fields still empty from the registry (a late prefill never overwrites what was typed). */
export function applyPrefill(
  form: FormDefinition,
  draft: Draft,
  prefill: Partial<Record<string, string | null>>,
): Draft {
  const next = { ...draft };
  for (const field of form.fields) {
    const known = field.prefill ? prefill[field.prefill] : undefined;
    if (known && typeof next[field.key] === 'string' && next[field.key] === '') next[field.key] = known;
  }
  return next;
}

function cellAnswer(kind: string, raw: string): string | number | null {
  const text = raw.trim();
  if (!text) return null;
  if (kind === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text; // the check names it: 请填写数字
  }
  if (kind === 'id_number') return text.toUpperCase();
  return kind === 'textarea' ? raw.replace(/\s+$/, '') : text;
}

function rowIsBlank(row: DraftRow) {
  return Object.values(row).every((v) => !v.trim());
}

/** The answers sent: empty inputs left out, numbers as numbers, rows nobody filled dropped. */
export function draftToAnswers(form: FormDefinition, draft: Draft): FormAnswers {
  const answers: FormAnswers = {};
  for (const field of form.fields) {
    const value = draft[field.key];
    let answer: FormValue = null;
    if (field.kind === 'table') {
      const rows = ((value as DraftRow[] | undefined) ?? []).filter((row) => !rowIsBlank(row));
      answer = rows.map((row) => {
        const cells: Record<string, string | number> = {};
        for (const column of field.columns ?? []) {
          const cell = cellAnswer(column.kind, row[column.key] ?? '');
          if (cell !== null) cells[column.key] = cell;
        }
        return cells;
      });
    } else if (Array.isArray(value)) {
      answer = value as string[];
      if (field.kind === 'choice' && !field.multiple) answer = (value as string[])[0] ?? null;
    } else if (typeof value === 'string') {
      answer = cellAnswer(field.kind, value);
    }
    if (answer === null || (Array.isArray(answer) && answer.length === 0)) continue;
    answers[field.key] = answer;
  }
  return answers;
}

/** The steps a resident follows (已提交 → 已受理 → 审核 → 待领取 → 已领取) and how far the application is. */
export const applicationSteps = ['submitted', 'accepted', 'review', 'ready', 'collected'] as const;
export type ApplicationStep = (typeof applicationSteps)[number];

const stepOfState: Record<ApplicationState, number> = {
  submitted: 0,
  supplement: 0,
  accepted: 1,
  in_review: 2,
  approved: 2,
  refused: 2,
  ready: 3,
  collected: 4,
  withdrawn: 0,
};

/** The index of the step the application is at (the steps before it are done). */
export const currentStep = (state: ApplicationState) => stepOfState[state];

/** The Vant tag colour of an application's state. */
export function stateTagType(state: ApplicationState | PartState) {
  switch (state) {
    case 'supplement':
      return 'warning';
    case 'refused':
      return 'danger';
    case 'ready':
    case 'approved':
      return 'success';
    case 'collected':
    case 'withdrawn':
      return 'default';
    default:
      return 'primary';
  }
}

/**
 * The draft with the rows nobody filled taken out of each table (one empty row stays when none is
 * left), so the rows on the screen are the rows sent and a problem's row number points at its row.
 */
export function compactDraft(form: FormDefinition, draft: Draft): Draft {
  const next = { ...draft };
  for (const field of form.fields) {
    if (field.kind !== 'table') continue;
    const rows = ((draft[field.key] as DraftRow[] | undefined) ?? []).filter((row) => !rowIsBlank(row));
    next[field.key] = rows.length ? rows : [newRow(field)];
  }
  return next;
}

/** Where a problem is shown: the field, or the table cell (`key.row.column`). */
export const problemKey = (p: FormProblem) =>
  p.row !== undefined && p.column ? `${p.field}.${p.row}.${p.column}` : p.field;

/**
 * A problem's words as shown under its own input: without the field's (and row's) name in front, which
 * the input's label already says ("申请人姓名：必填" → "必填").
 */
export function problemText(p: FormProblem, lang: 'zh-CN' | 'en') {
  const message = p.message[lang];
  const cut = lang === 'en' ? message.lastIndexOf(': ') : message.lastIndexOf('：');
  return cut >= 0 ? message.slice(cut + (lang === 'en' ? 2 : 1)) : message;
}

/** Required materials neither uploaded nor to be shown at the window. */
export const materialProblems = (
  materials: Material[],
  given: Record<string, { fileIds: string[]; atWindow: boolean } | undefined>,
) => materials.filter((m) => m.required && !given[m.key]?.atWindow && !given[m.key]?.fileIds.length);

/**
 * The server's VALIDATION_FAILED issues placed like the browser's own: `answers.<field>` (with row and
 * column for a table cell) on its input, `materials.<key>` on its material, `communityId` on the
 * community; anything else under `other`.
 */
export function serverProblems(details: unknown, lang: 'zh-CN' | 'en'): Record<string, string> {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const found: Record<string, string> = {};
  for (const raw of issues as Array<Record<string, unknown>>) {
    const path = typeof raw.path === 'string' ? raw.path : '';
    const messages = raw.messages as FormProblem['message'] | undefined;
    const message = messages?.[lang] ?? (typeof raw.message === 'string' ? raw.message : '');
    const field = /^answers\.(.+)$/.exec(path)?.[1];
    const key = field
      ? problemKey({
          field,
          row: raw.row as number | undefined,
          column: raw.column as string | undefined,
          message: { 'zh-CN': message, en: message },
        })
      : path.startsWith('materials.')
        ? `material.${path.slice('materials.'.length)}`
        : path === 'communityId'
          ? 'community'
          : path.startsWith('applicant.idNumber')
            ? 'idNumber'
            : path.startsWith('applicant')
              ? 'applicantName'
              : 'other';
    const text = field ? problemText({ field, message: { 'zh-CN': message, en: message } }, lang) : message;
    if (key === 'other') found.other = found.other ? `${found.other}；${text}` : text;
    else found[key] ??= text;
  }
  return found;
}
