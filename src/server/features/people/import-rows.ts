import type { Insertable } from 'kysely';
import { codeByLabel, relationLabels, residenceLabels } from '../../../shared/people-labels.js';
import { maskIdNumber, maskPhone, normalizePhone, parseIdNumber } from '../../../shared/identity.js';
import { cutText, textLength } from '../../../shared/text.js';
import type { Executor } from '../../platform/audit.js';
import type { Place, ResidentsTable } from '../../platform/db/schema.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { newId } from '../../platform/ids.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { Actor } from '../../platform/policy.js';
import { findByCodes } from '../places/index.js';
import type { ImportColumn, SheetRow } from './excel.js';
import type { PeopleDeps } from './deps.js';
import { nameColumns } from './identity-fields.js';
import * as repo from './repository.js';
import { hiddenTagCodes } from './tags.js';

// The rows of an import sheet, each checked on its own (what the database says about the people
// in them is import.ts's part): every problem of a row is reported, in the caller's language.

const problems = {
  required: { 'zh-CN': '必填项为空', en: 'Required value missing' },
  name_too_long: { 'zh-CN': '姓名过长（最多 40 字）', en: 'Name too long (max 40)' },
  id_format: { 'zh-CN': '身份证号应为 18 位（末位可为 X）', en: 'ID number must have 18 characters' },
  id_birth_date: { 'zh-CN': '身份证号中的出生日期不存在', en: 'The birth date in the ID number does not exist' },
  id_check_digit: { 'zh-CN': '身份证号校验位不正确', en: 'The ID number check character is wrong' },
  phone_invalid: { 'zh-CN': '电话号码格式不正确', en: 'The phone number is not valid' },
  duplicate_in_file: { 'zh-CN': '与本表第 {row} 行身份证号重复', en: 'Same ID number as row {row}' },
  id_registered_elsewhere: {
    'zh-CN': '该身份证号已在其他住址登记',
    en: 'This ID number is registered at another address',
  },
  unknown_building: { 'zh-CN': '本社区没有该楼栋', en: 'No such building in this community' },
  unknown_unit: { 'zh-CN': '该楼栋没有此单元', en: 'No such unit in this building' },
  unknown_room: { 'zh-CN': '该单元没有此房号', en: 'No such room in this unit' },
  unknown_relation: { 'zh-CN': '与户主关系应为：' + Object.values(relationLabels).join('、'), en: 'Unknown relation' },
  unknown_residence: { 'zh-CN': '居住类型应为：户籍、常住或流动', en: 'Residence must be 户籍, 常住 or 流动' },
  unknown_tag: { 'zh-CN': '标签不存在：{tag}', en: 'Unknown tag: {tag}' },
  bad_characters: {
    'zh-CN': '含有控制字符、换行或残缺的字符',
    en: 'Contains a control character, a line break or a broken character',
  },
  formula_cell: {
    'zh-CN': '该格是公式，请复制后“选择性粘贴为数值”再导入',
    en: 'This cell holds a formula; paste it as a value',
  },
} as const;
type Problem = keyof typeof problems;

export interface RowError {
  row: number;
  column: ImportColumn;
  code: Problem;
  message: string;
}

const relationCodes = codeByLabel(relationLabels);
const residenceCodes = codeByLabel(residenceLabels);

export interface Candidate {
  sheet: SheetRow;
  resident: Insertable<ResidentsTable>;
}

/** The report's bad rows, each told in the caller's language. */
export function rowErrors(locale: Locale) {
  const errors: RowError[] = [];
  const fail = (row: SheetRow, column: ImportColumn, code: Problem, vars: Record<string, string | number> = {}) =>
    errors.push({
      row: row.row,
      column,
      code,
      message: problems[code][locale].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? '')),
    });
  return { errors, fail };
}
export type RowErrors = ReturnType<typeof rowErrors>;

/** What the rows are checked against: the county's tags and the community's buildings, units and rooms. */
export async function lookups(db: Executor, community: Place, rows: SheetRow[], actor: Actor) {
  const all = await repo.listTags(db);
  const hidden = hiddenTagCodes(all, actor, community.path);
  const tags = all.filter((t) => t.active && !hidden.has(t.code));
  const tagByLabel = new Map(
    tags.flatMap((t) => [
      [t.label_zh, t.code],
      [t.code, t.code],
    ]),
  );
  const buildingCode = (r: SheetRow) => `${community.code}-${r.values.building}`;
  const codes = rows.flatMap((r) => [
    buildingCode(r),
    `${buildingCode(r)}-${r.values.unit}`,
    `${buildingCode(r)}-${r.values.unit}-${r.values.room}`,
  ]);
  const places = new Map(
    (await findByCodes(db, [...new Set(codes)])).filter((p) => p.status === 'active').map((p) => [p.code, p]),
  );
  return { tagByLabel, buildingCode, places };
}
export type Lookups = Awaited<ReturnType<typeof lookups>>;

type Fail = RowErrors['fail'];

/** Formula cells, empty required cells and an overlong name. */
function checkRequired(r: SheetRow, fail: Fail) {
  for (const c of r.formulas) fail(r, c, 'formula_cell');
  for (const c of ['name', 'building', 'unit', 'room'] as const)
    if (!r.values[c] && !r.formulas.includes(c)) fail(r, c, 'required');
  if (textLength(r.values.name) > 40) fail(r, 'name', 'name_too_long');
}

/** The row's ID number, when it has a valid one not seen earlier in the file. */
function checkIdNumber(r: SheetRow, fail: Fail, firstRowOfId: Map<string, number>, now: Date) {
  if (!r.values.idNumber) return null;
  const id = parseIdNumber(r.values.idNumber, now);
  if (!id.ok) {
    const problem =
      id.problem === 'format' ? 'id_format' : id.problem === 'birthDate' ? 'id_birth_date' : 'id_check_digit';
    fail(r, 'idNumber', problem);
    return null;
  }
  if (firstRowOfId.has(id.info.normalized)) {
    fail(r, 'idNumber', 'duplicate_in_file', { row: firstRowOfId.get(id.info.normalized)! });
    return null;
  }
  firstRowOfId.set(id.info.normalized, r.row);
  return id.info;
}

/** Relation, residence and tags, from the labels people type. */
function checkLabels(r: SheetRow, fail: Fail, tagByLabel: Lookups['tagByLabel']) {
  const v = r.values;
  const relation = v.relation ? relationCodes.get(v.relation) : 'other';
  if (!relation) fail(r, 'relation', 'unknown_relation');
  const residence = v.residence ? residenceCodes.get(v.residence) : 'registered';
  if (!residence) fail(r, 'residence', 'unknown_residence');
  const tagCodes: string[] = [];
  for (const label of v.tags.split(/[、,，;；\s]+/).filter(Boolean)) {
    const tag = tagByLabel.get(label);
    if (tag) tagCodes.push(tag);
    else fail(r, 'tags', 'unknown_tag', { tag: label });
  }
  return { relation, residence, tagCodes };
}

/** The room the row names; when it is not there, the first level that is missing is the error. */
function checkHousehold(r: SheetRow, fail: Fail, { buildingCode, places }: Lookups) {
  const v = r.values;
  const household = places.get(`${buildingCode(r)}-${v.unit}-${v.room}`);
  if (v.building && v.unit && v.room && !household) {
    if (!places.has(buildingCode(r))) fail(r, 'building', 'unknown_building');
    else if (!places.has(`${buildingCode(r)}-${v.unit}`)) fail(r, 'unit', 'unknown_unit');
    else fail(r, 'room', 'unknown_room');
  }
  return household;
}

/** Checks one row; a good row becomes a candidate resident. */
export function checkRow(
  { pii }: PeopleDeps,
  community: Place,
  r: SheetRow,
  known: Lookups,
  { errors, fail }: RowErrors,
  firstRowOfId: Map<string, number>,
  now: Date,
): Candidate | null {
  const v = r.values;
  const before = errors.length;
  checkRequired(r, fail);
  const idInfo = checkIdNumber(r, fail, firstRowOfId, now);
  const phone = v.phone ? normalizePhone(v.phone) : null;
  if (v.phone && !phone) fail(r, 'phone', 'phone_invalid');
  const labels = checkLabels(r, fail, known.tagByLabel);
  const household = checkHousehold(r, fail, known);
  if (errors.length > before || !household) return null;
  return { sheet: r, resident: residentRow(pii, community, household.id, v, idInfo, phone, labels, now) };
}

/** The resident a good row makes, with the ID number and phone sealed and masked. */
function residentRow(
  pii: PiiCipher,
  community: Place,
  householdId: string,
  v: SheetRow['values'],
  idInfo: ReturnType<typeof checkIdNumber>,
  phone: string | null,
  { relation, residence, tagCodes }: ReturnType<typeof checkLabels>,
  now: Date,
): Insertable<ResidentsTable> {
  return {
    id: newId(),
    tenant_id: community.tenant_id!,
    household_id: householdId,
    ...nameColumns(v.name),
    gender: idInfo?.gender ?? null,
    birth_date: idInfo?.birthDate ?? null,
    id_number_enc: idInfo ? pii.encrypt(idInfo.normalized) : null,
    id_number_hash: idInfo ? pii.lookupHash(idInfo.normalized) : null,
    id_number_masked: idInfo ? maskIdNumber(idInfo.normalized) : null,
    phone_enc: phone ? pii.encrypt(phone) : null,
    phone_hash: phone ? pii.lookupHash(phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
    relation: relation as string,
    residence: residence as 'registered',
    tags: [...new Set(tagCodes)],
    notes: cutText(v.notes, 500),
    created_at: now,
    updated_at: now,
  };
}
