import { z } from '@hono/zod-openapi';
import { textLength, textProblem, type TextProblem } from '../../shared/text.js';
import type { Locale } from './i18n/locale.js';

// The one text type of every input schema (JSON bodies, query strings, path parameters, form
// fields). Lengths count characters as people do (code points, like JSON Schema's maxLength; a
// line break sent as CRLF, as forms send them, counts one), so 40 emoji fit in a 40-character
// name; half an emoji, NUL and the other control characters that
// PostgreSQL or an XML feed cannot hold are refused with 400 VALIDATION_FAILED naming the field.
// Fields of one line (names, codes, addresses, titles) also refuse line breaks; tabs are kept.

export interface TextOptions {
  max: number;
  min?: number;
  /** May hold line breaks (LF, CR): descriptions, notes, answers. */
  multiline?: boolean;
  /** Passwords and tokens are taken as typed; everything else loses surrounding spaces. */
  trim?: boolean;
}

/** The characters allowed, as the OpenAPI document states them. */
export const textPatterns = {
  singleLine: '^[^\\x00-\\x08\\x0A-\\x1F\\uFFFE\\uFFFF]*$',
  multiLine: '^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]*$',
} as const;

type Messages = Record<Locale, string>;
const problemMessages: Record<TextProblem, Messages> = {
  brokenCharacter: {
    'zh-CN': '含有残缺的字符（如半个表情符号），请重新输入',
    en: 'Contains a broken character (such as half an emoji); type it again',
  },
  controlCharacter: {
    'zh-CN': '含有不可见的控制字符，请删除后重试',
    en: 'Contains an invisible control character; remove it and try again',
  },
  lineBreak: { 'zh-CN': '只能写一行，不能换行', en: 'Must be one line, without line breaks' },
};
const tooShort = (min: number): Messages =>
  min === 1
    ? { 'zh-CN': '不能为空', en: 'Required' }
    : { 'zh-CN': `请至少写 ${min} 个字`, en: `Write at least ${min} characters` };
const tooLong = (max: number): Messages => ({ 'zh-CN': `最多 ${max} 个字`, en: `At most ${max} characters` });

export function text({ max, min = 0, multiline = false, trim = true }: TextOptions) {
  return (trim ? z.string().trim() : z.string())
    .superRefine((value, ctx) => {
      // The messages in every language travel with the issue; platform/http.ts picks the caller's.
      const refuse = (messages: Messages) =>
        ctx.addIssue({ code: 'custom', message: messages.en, params: { messages } });
      const problem = textProblem(value, { multiline });
      if (problem) return refuse(problemMessages[problem]);
      const length = textLength(value);
      if (length < min) refuse(tooShort(min));
      if (length > max) refuse(tooLong(max));
    })
    .openapi({
      ...(min > 0 ? { minLength: min } : {}),
      maxLength: max,
      pattern: multiline ? textPatterns.multiLine : textPatterns.singleLine,
    });
}
