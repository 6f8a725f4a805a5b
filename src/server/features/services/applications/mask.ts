import { maskIdNumber, maskPhone } from '../../../../shared/identity.js';
import type { FormField } from '../../../../shared/service-forms.js';

// 个人信息脱敏 in the answers staff read (DESIGN.md, PIPL): values of fields of kind id_number or
// phone, fields prefilled from the registry's id_number or phone, and table cells of those kinds
// are shown masked; the full values are a separate, audited action (reveal.ts).

type Personal = 'id_number' | 'phone';
type Column = NonNullable<FormField['columns']>[number];

const personalOf = (f: Pick<FormField, 'kind' | 'prefill'> | Column): Personal | null => {
  if (f.kind === 'id_number' || ('prefill' in f && f.prefill === 'id_number')) return 'id_number';
  if (f.kind === 'phone' || ('prefill' in f && f.prefill === 'phone')) return 'phone';
  return null;
};

/** A short or odd value is hidden whole: the shared masks keep 10 (ID) or 7 (phone) characters. */
function maskValue(kind: Personal, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (kind === 'id_number') return value.length >= 15 ? maskIdNumber(value) : '*'.repeat(value.length);
  return value.length >= 7 ? maskPhone(value) : '*'.repeat(value.length);
}

const personalColumns = (f: FormField) =>
  (f.columns ?? []).flatMap((c) => {
    const kind = personalOf(c);
    return kind ? [{ key: c.key, kind }] : [];
  });

/** Whether a field's answer holds personal data that is masked. */
export const holdsPersonal = (f: FormField): boolean =>
  f.kind === 'table' ? personalColumns(f).length > 0 : personalOf(f) !== null;

/** The answers with every ID number and phone masked (fields, prefilled fields, table cells). */
export function maskAnswers(fields: readonly FormField[], answers: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...answers };
  for (const f of fields) {
    if (!(f.key in answers)) continue;
    const value = answers[f.key];
    if (f.kind === 'table') {
      const columns = personalColumns(f);
      if (columns.length === 0 || !Array.isArray(value)) continue;
      masked[f.key] = value.map((row: unknown) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
        const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
        for (const c of columns) if (c.key in copy) copy[c.key] = maskValue(c.kind, copy[c.key]);
        return copy;
      });
      continue;
    }
    const kind = personalOf(f);
    if (kind) masked[f.key] = Array.isArray(value) ? value.map((v) => maskValue(kind, v)) : maskValue(kind, value);
  }
  return masked;
}
