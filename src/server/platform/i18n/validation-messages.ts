import type { z } from '@hono/zod-openapi';
import { invalidReasons, type InvalidReason } from '../errors.js';
import type { Locale } from './locale.js';

// zod's own messages are English only, and the language is chosen per request, so each issue is
// told here from its code and its numbers, in both languages. Issues that carry their messages
// (the text type's) or name a reason of errors.ts (`params: { reason }` on a refine, the reason as the
// message of a `.regex`) keep those.

type Issue = z.core.$ZodIssue;
type Told = Record<Locale, string>;

const typeNames: Record<string, Told> = {
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  bigint: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否（true/false）', en: 'true or false' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  date: { 'zh-CN': '日期', en: 'a date' },
};

const formatNames: Record<string, Told> = {
  uuid: invalidReasons.uuid,
  date: { 'zh-CN': '应为日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  datetime: { 'zh-CN': '应为日期时间（ISO 8601）', en: 'must be a date and time (ISO 8601)' },
  time: { 'zh-CN': '应为时间（HH:MM）', en: 'must be a time (HH:MM)' },
  email: { 'zh-CN': '电子邮箱格式不正确', en: 'must be an email address' },
  url: { 'zh-CN': '网址格式不正确', en: 'must be a URL' },
};
const wrongFormat: Told = { 'zh-CN': '格式不正确', en: 'invalid format' };
const wrongInput: Told = { 'zh-CN': '输入不正确', en: 'invalid input' };

const sizeUnits: Record<string, Told> = {
  string: { 'zh-CN': '个字', en: 'characters' },
  array: { 'zh-CN': '项', en: 'items' },
  set: { 'zh-CN': '项', en: 'items' },
  file: { 'zh-CN': '字节', en: 'bytes' },
};

function tooSmall(i: Extract<Issue, { code: 'too_small' }>): Told {
  const n = String(i.minimum);
  const unit = sizeUnits[i.origin];
  if (unit) return { 'zh-CN': `至少 ${n} ${unit['zh-CN']}`, en: `at least ${n} ${unit.en}` };
  return i.inclusive === false
    ? { 'zh-CN': `须大于 ${n}`, en: `must be greater than ${n}` }
    : { 'zh-CN': `不能小于 ${n}`, en: `must be at least ${n}` };
}

function tooBig(i: Extract<Issue, { code: 'too_big' }>): Told {
  const n = String(i.maximum);
  const unit = sizeUnits[i.origin];
  if (unit) return { 'zh-CN': `最多 ${n} ${unit['zh-CN']}`, en: `at most ${n} ${unit.en}` };
  return i.inclusive === false
    ? { 'zh-CN': `须小于 ${n}`, en: `must be less than ${n}` }
    : { 'zh-CN': `不能大于 ${n}`, en: `must be at most ${n}` };
}

const isReason = (message: string): message is InvalidReason => Object.hasOwn(invalidReasons, message);

/** A pattern names its reason as its message: `.regex(re, 'codeCharacters' satisfies InvalidReason)`. */
const wrongFormatOf = (i: Extract<Issue, { code: 'invalid_format' }>): Told =>
  isReason(i.message) ? invalidReasons[i.message] : (formatNames[i.format] ?? wrongFormat);

function custom(i: Extract<Issue, { code: 'custom' }>): Partial<Told> {
  const params = i.params as { messages?: Partial<Told>; reason?: InvalidReason } | undefined;
  if (params?.messages) return params.messages;
  if (params?.reason && params.reason in invalidReasons) return invalidReasons[params.reason];
  // A refine's own words (English, by our convention) for English callers; a plain word for the others.
  return { 'zh-CN': wrongInput['zh-CN'], en: i.message };
}

/** The issue in both languages; `missing` says the field was not sent at all. */
function tell(i: Issue, missing: boolean): Partial<Told> {
  // a field not sent fails as of the wrong type, or (an enum) as a value not in the list
  if (missing && (i.code === 'invalid_type' || i.code === 'invalid_value' || i.code === 'invalid_union'))
    return invalidReasons.required;
  switch (i.code) {
    case 'invalid_type': {
      const type = typeNames[i.expected];
      return type ? { 'zh-CN': `应为${type['zh-CN']}`, en: `must be ${type.en}` } : wrongInput;
    }
    case 'too_small':
      return tooSmall(i);
    case 'too_big':
      return tooBig(i);
    case 'invalid_format':
      return wrongFormatOf(i);
    case 'invalid_value': {
      const values = i.values.map(String);
      return { 'zh-CN': `应为其中之一：${values.join('、')}`, en: `must be one of: ${values.join(', ')}` };
    }
    case 'unrecognized_keys':
      return { 'zh-CN': `不认识的字段：${i.keys.join('、')}`, en: `unknown fields: ${i.keys.join(', ')}` };
    case 'not_multiple_of':
      return { 'zh-CN': `应为 ${String(i.divisor)} 的倍数`, en: `must be a multiple of ${String(i.divisor)}` };
    case 'custom':
      return custom(i);
    default:
      return wrongInput;
  }
}

/** What was sent at the issue's path (undefined when it was not sent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One zod issue's message in the caller's language. `input` is what was parsed, when the caller
 * has it: a field not sent at all is then told as required rather than as of the wrong type.
 */
export function issueMessage(issue: Issue, locale: Locale, input?: unknown): string {
  const missing = input !== undefined && valueAt(input, issue.path) === undefined;
  return tell(issue, missing)[locale] ?? issue.message;
}
