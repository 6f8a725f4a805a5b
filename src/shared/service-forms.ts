import { z } from 'zod';
import { parseIdNumber, normalizePhone } from './identity.js';
import { textLength, textProblem } from './text.js';

// 服务事项的表单 (issue 15): the form of a service item, as the console's form builder saves it, and
// the answers an applicant gives. One definition checks both on the server and in the browser. A
// definition is data written by an administrator, so it is validated like any input; no definition
// holds code or regular expressions (nothing an author types is ever run).

/** The kinds of field a form builder offers. */
export const formFieldKinds = [
  'text', // 单行文字
  'textarea', // 多行文字
  'number', // 数字
  'date', // 日期 YYYY-MM-DD
  'choice', // 选择（单选或多选）
  'id_number', // 公民身份号码（校验位）
  'phone', // 手机号码
  'address', // 地址
  'file', // 附件（图片或 PDF，按内容检查）
  'table', // 表格（多行，每行若干列）
] as const;
export type FormFieldKind = (typeof formFieldKinds)[number];

/** Kinds a table's column may have: no nested tables and no files inside a row. */
export const tableColumnKinds = ['text', 'number', 'date', 'choice', 'id_number', 'phone'] as const;

/**
 * Registry data a field may be prefilled from (the applicant's own record): 姓名, 身份证号, 手机,
 * 性别, 出生日期, 户籍/居住地址, 户主姓名, 与户主关系. Two fields with the same prefill in a bundle
 * are one input.
 */
export const prefillKeys = [
  'name',
  'id_number',
  'phone',
  'gender',
  'birth_date',
  'address',
  'household_head',
  'relation_to_head',
] as const;
export type PrefillKey = (typeof prefillKeys)[number];

export const formFieldKindLabels: Record<FormFieldKind, string> = {
  text: '单行文字',
  textarea: '多行文字',
  number: '数字',
  date: '日期',
  choice: '选择',
  id_number: '身份证号',
  phone: '手机号码',
  address: '地址',
  file: '附件',
  table: '表格',
};

export const prefillLabels: Record<PrefillKey, string> = {
  name: '姓名',
  id_number: '身份证号',
  phone: '手机号码',
  gender: '性别',
  birth_date: '出生日期',
  address: '住址',
  household_head: '户主姓名',
  relation_to_head: '与户主关系',
};

const fieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'key: lower-case letters, digits and _, starting with a letter, at most 40');
const label = z.string().trim().min(1).max(40);
const help = z.string().trim().max(200).optional();

const columnSchema = z.object({
  key: fieldKey,
  label,
  kind: z.enum(tableColumnKinds),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  maxLength: z.number().int().min(1).max(2000).optional(),
});
export type FormColumn = z.infer<typeof columnSchema>;

export const formFieldSchema = z.object({
  key: fieldKey,
  label,
  kind: z.enum(formFieldKinds),
  required: z.boolean().default(false),
  help,
  prefill: z.enum(prefillKeys).optional(),
  /** text/textarea/address: length in characters (code points). */
  minLength: z.number().int().min(0).max(2000).optional(),
  maxLength: z.number().int().min(1).max(2000).optional(),
  /** number: bounds; `integer` refuses fractions. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().optional(),
  /** choice: the options people pick from; `multiple` allows several. */
  options: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  multiple: z.boolean().optional(),
  /** file: how many files at most (default 1). */
  maxFiles: z.number().int().min(1).max(9).optional(),
  /** table: its columns and row limits. */
  columns: z.array(columnSchema).max(12).optional(),
  /** Rows a filled table needs; an optional table left empty (no rows) is fine, a required one is 必填. */
  minRows: z.number().int().min(0).max(50).optional(),
  maxRows: z.number().int().min(1).max(50).optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** One problem of a definition or of an answer, naming the field (and row/column) it is about. */
export interface FormProblem {
  field: string;
  row?: number;
  column?: string;
  message: { 'zh-CN': string; en: string };
}
const problem = (field: string, zh: string, en: string, at: Partial<FormProblem> = {}): FormProblem => ({
  field,
  ...at,
  message: { 'zh-CN': zh, en },
});

function boundsProblems(field: string, f: { min?: number; max?: number; minLength?: number; maxLength?: number }) {
  const found: FormProblem[] = [];
  if (f.min !== undefined && f.max !== undefined && f.min > f.max)
    found.push(problem(field, '最小值不能大于最大值', 'min is greater than max'));
  if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength)
    found.push(problem(field, '最少字数不能大于最多字数', 'minLength is greater than maxLength'));
  return found;
}

function optionProblems(field: string, kind: string, options: string[] | undefined): FormProblem[] {
  if (kind !== 'choice') {
    return options?.length ? [problem(field, '只有“选择”字段可以有选项', 'only a choice field has options')] : [];
  }
  if (!options || options.length < 2) return [problem(field, '选择字段至少要有两个选项', 'a choice needs two options')];
  return new Set(options).size === options.length ? [] : [problem(field, '选项有重复', 'options repeat')];
}

/** The rules a definition must keep beyond its shape; each problem names the field. */
export function definitionProblems(fields: FormField[]): FormProblem[] {
  const found: FormProblem[] = [];
  const keys = new Set<string>();
  const prefills = new Set<string>();
  for (const f of fields) {
    if (keys.has(f.key)) found.push(problem(f.key, '字段标识重复', 'the key is used twice'));
    keys.add(f.key);
    if (f.prefill) {
      if (prefills.has(f.prefill))
        found.push(problem(f.key, '同一项登记信息只能预填一个字段', 'two fields prefill the same registry data'));
      prefills.add(f.prefill);
    }
    found.push(...boundsProblems(f.key, f), ...optionProblems(f.key, f.kind, f.options));
    if (f.kind === 'table') {
      if (!f.columns?.length) found.push(problem(f.key, '表格至少要有一列', 'a table needs a column'));
      const columnKeys = new Set<string>();
      for (const c of f.columns ?? []) {
        if (columnKeys.has(c.key))
          found.push(problem(f.key, '列标识重复', 'a column key is used twice', { column: c.key }));
        columnKeys.add(c.key);
        for (const p of [...boundsProblems(f.key, c), ...optionProblems(f.key, c.kind, c.options)])
          found.push({ ...p, column: c.key });
      }
      if (f.minRows !== undefined && f.maxRows !== undefined && f.minRows > f.maxRows)
        found.push(problem(f.key, '最少行数不能大于最多行数', 'minRows is greater than maxRows'));
    } else if (f.columns?.length) {
      found.push(problem(f.key, '只有表格字段可以有列', 'only a table has columns'));
    }
  }
  return found;
}

/** A form definition: its fields in order. At most 60 fields. */
export const formDefinitionSchema = z
  .object({ fields: z.array(formFieldSchema).max(60) })
  .superRefine((definition, ctx) => {
    for (const p of definitionProblems(definition.fields)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', p.field, ...(p.column ? [p.column] : [])],
        message: `${p.field}${p.column ? '.' + p.column : ''}: ${p.message.en}`,
        params: { messages: p.message },
      });
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** One answer: text, number, options, uploaded file ids, or table rows. */
export type FormValue = string | number | string[] | Array<Record<string, string | number>> | null;
export type FormAnswers = Record<string, FormValue>;

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const empty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

type Scalar = Pick<FormField, 'kind' | 'min' | 'max' | 'integer' | 'minLength' | 'maxLength' | 'options' | 'multiple'>;

/** Problems of one non-table, non-file value against its field; [] when it is fine. */
function scalarProblems(f: Scalar, value: unknown, at: (zh: string, en: string) => FormProblem): FormProblem[] {
  switch (f.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [at('请填写数字', 'must be a number')];
      if (f.integer && !Number.isInteger(value)) return [at('请填写整数', 'must be a whole number')];
      if (f.min !== undefined && value < f.min) return [at(`不能小于 ${f.min}`, `at least ${f.min}`)];
      if (f.max !== undefined && value > f.max) return [at(`不能大于 ${f.max}`, `at most ${f.max}`)];
      return [];
    }
    case 'choice': {
      const picked = Array.isArray(value) ? value : [value];
      if (!f.multiple && Array.isArray(value)) return [at('只能选一项', 'pick one option')];
      if (picked.some((v) => typeof v !== 'string' || !f.options?.includes(v)))
        return [at('请从选项中选择', 'pick from the options')];
      return [];
    }
    default: {
      if (typeof value !== 'string') return [at('请填写文字', 'must be text')];
      const textProblemFound = textProblem(value, { multiline: f.kind === 'textarea' });
      if (textProblemFound) return [at('含有不能保存的字符或换行', 'holds a character or line break not allowed')];
      if (f.kind === 'date' && !isDate(value)) return [at('日期格式应为 年-月-日', 'must be a date YYYY-MM-DD')];
      if (f.kind === 'id_number' && !parseIdNumber(value).ok)
        return [at('身份证号不正确（请核对校验位）', 'not a valid ID number (check digit)')];
      if (f.kind === 'phone' && !normalizePhone(value)) return [at('手机号码不正确', 'not a valid mobile number')];
      const length = textLength(value);
      const max = f.maxLength ?? (f.kind === 'textarea' ? 2000 : 200);
      if (f.minLength !== undefined && length < f.minLength) return [at(`至少 ${f.minLength} 个字`, `too short`)];
      if (length > max) return [at(`最多 ${max} 个字`, `at most ${max} characters`)];
      return [];
    }
  }
}

/**
 * Checks answers against a definition: required fields present, each value of its field's kind and
 * within its rules, no keys the form does not have. Files are only counted here; the server checks
 * that each file id is an upload the applicant may attach. An empty value of an optional field is
 * not checked further: an optional table left with no rows is fine even with `minRows` (the rows
 * are optional, not the minimum of a list the applicant chose to fill); once it has a row, `minRows`
 * and `maxRows` hold. A required table with no rows is 必填.
 */
export function answerProblems(definition: FormDefinition, answers: FormAnswers): FormProblem[] {
  const found: FormProblem[] = [];
  const known = new Set(definition.fields.map((f) => f.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) found.push(problem(key, '表单中没有这一项', 'the form has no such field'));
  }
  for (const f of definition.fields) {
    const value = answers[f.key];
    const at = (zh: string, en: string) => problem(f.key, `${f.label}：${zh}`, `${f.label}: ${en}`);
    if (empty(value)) {
      if (f.required) found.push(at('必填', 'required'));
      continue;
    }
    if (f.kind === 'file') {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.some((id) => typeof id !== 'string')) found.push(at('附件无效', 'invalid attachment'));
      else if (ids.length > (f.maxFiles ?? 1)) found.push(at(`最多 ${f.maxFiles ?? 1} 个附件`, 'too many files'));
      continue;
    }
    if (f.kind === 'table') {
      if (!Array.isArray(value)) {
        found.push(at('应为表格', 'must be table rows'));
        continue;
      }
      const rows = value as unknown[];
      if (f.minRows !== undefined && rows.length < f.minRows) found.push(at(`至少 ${f.minRows} 行`, 'too few rows'));
      if (rows.length > (f.maxRows ?? 50)) found.push(at(`最多 ${f.maxRows ?? 50} 行`, 'too many rows'));
      rows.forEach((row, index) => {
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
          found.push({ ...at('行格式不正确', 'a row must be an object'), row: index });
          return;
        }
        const cells = row as Record<string, unknown>;
        const columns = new Set((f.columns ?? []).map((c) => c.key));
        for (const k of Object.keys(cells))
          if (!columns.has(k)) found.push({ ...at('表格中没有这一列', 'no such column'), row: index, column: k });
        for (const c of f.columns ?? []) {
          const cellAt = (zh: string, en: string) =>
            problem(
              f.key,
              `${f.label} 第 ${index + 1} 行 ${c.label}：${zh}`,
              `${f.label} row ${index + 1} ${c.label}: ${en}`,
              {
                row: index,
                column: c.key,
              },
            );
          if (empty(cells[c.key])) {
            if (c.required) found.push(cellAt('必填', 'required'));
          } else found.push(...scalarProblems(c, cells[c.key], cellAt));
        }
      });
      continue;
    }
    found.push(...scalarProblems(f, value, at));
  }
  return found;
}

/** The file ids an answer set attaches (file fields only), to be checked by the server. */
export function attachedFileIds(definition: FormDefinition, answers: FormAnswers): string[] {
  return definition.fields
    .filter((f) => f.kind === 'file')
    .flatMap((f) => {
      const value = answers[f.key];
      return Array.isArray(value)
        ? (value.filter((v) => typeof v === 'string') as string[])
        : typeof value === 'string'
          ? [value]
          : [];
    });
}

/**
 * 一张表单: the form of a bundle, the union of its items' forms. Fields prefilled from the same
 * registry data are one input; fields with the same key and kind are one input (the first item's
 * label and the strictest `required`); a key used with two different kinds is renamed
 * `<key>__<n>` for the later item so both survive. `sources` says which items each field feeds.
 */
export function mergeForms(forms: Array<{ itemId: string; form: FormDefinition }>): {
  form: FormDefinition;
  sources: Record<string, Array<{ itemId: string; key: string }>>;
} {
  const fields: FormField[] = [];
  const sources: Record<string, Array<{ itemId: string; key: string }>> = {};
  for (const { itemId, form } of forms) {
    for (const f of form.fields) {
      const same =
        (f.prefill && fields.find((g) => g.prefill === f.prefill)) ||
        fields.find(
          (g) => g.key === f.key && g.kind === f.kind && !(g.prefill && f.prefill && g.prefill !== f.prefill),
        );
      if (same) {
        same.required = same.required || f.required;
        sources[same.key]!.push({ itemId, key: f.key });
        continue;
      }
      let key = f.key;
      for (let n = 2; fields.some((g) => g.key === key); n++) key = `${f.key.slice(0, 36)}__${n}`;
      fields.push({ ...f, key });
      sources[key] = [{ itemId, key: f.key }];
    }
  }
  return { form: { fields }, sources };
}

/** One item's answers taken out of a bundle's merged answers. */
export function answersForItem(
  itemId: string,
  sources: Record<string, Array<{ itemId: string; key: string }>>,
  merged: FormAnswers,
): FormAnswers {
  const out: FormAnswers = {};
  for (const [mergedKey, feeds] of Object.entries(sources)) {
    for (const feed of feeds)
      if (feed.itemId === itemId && merged[mergedKey] !== undefined) out[feed.key] = merged[mergedKey];
  }
  return out;
}

/**
 * A required material (申请材料). `key` is what makes two items' materials one in a bundle: the
 * common ones use the keys of `commonMaterials`; an item's own material has its own key.
 */
export const materialSchema = z.object({
  key: fieldKey,
  name: z.string().trim().min(1).max(60),
  required: z.boolean().default(true),
  /** 原件 / 复印件 and how many copies, as the window asks for them. */
  original: z.boolean().default(false),
  copies: z.number().int().min(0).max(10).default(1),
  note: z.string().trim().max(200).optional(),
  /** A sample or blank template (样表), an uploaded file anyone may download. */
  sampleFileId: z.string().uuid().optional(),
});
export type Material = z.infer<typeof materialSchema>;

/** Materials most items ask for; a bundle asks for each once. */
export const commonMaterials: Record<string, string> = {
  id_card: '居民身份证',
  household_register: '居民户口簿',
  photo: '近期一寸免冠照片',
  marriage_certificate: '结婚证',
  birth_certificate: '出生医学证明',
  disability_certificate: '残疾人证',
  property_certificate: '不动产权证书或房屋租赁合同',
  business_licence: '营业执照',
  bank_card: '本人银行卡（存折）',
  income_proof: '家庭收入证明',
  medical_record: '诊断证明或病历',
  residence_permit: '居住证',
};

/** The union of items' material lists, each key once (required if any item requires it). */
export function mergeMaterials(lists: Material[][]): Material[] {
  const out: Material[] = [];
  for (const list of lists) {
    for (const m of list) {
      const same = out.find((o) => o.key === m.key);
      if (same) {
        same.required = same.required || m.required;
        same.original = same.original || m.original;
        same.copies = Math.max(same.copies, m.copies);
      } else out.push({ ...m });
    }
  }
  return out;
}
