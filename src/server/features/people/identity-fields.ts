import { pinyin } from 'pinyin-pro';
import { maskIdNumber, maskPhone, normalizePhone, parseIdNumber } from '../../../shared/identity.js';
import { AppError } from '../../platform/errors.js';
import type { PiiCipher } from '../../platform/pii.js';

// Turns what a user typed into the stored columns: validated, encrypted, hashed, masked.

export interface IdNumberColumns {
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  birth_date?: string;
  gender?: 'male' | 'female';
}

export function idNumberColumns(pii: PiiCipher, raw: string | undefined, today: Date): IdNumberColumns {
  if (!raw) return { id_number_enc: null, id_number_hash: null, id_number_masked: null };
  const parsed = parseIdNumber(raw, today);
  if (!parsed.ok) throw new AppError('RESIDENT_ID_NUMBER_INVALID', { problem: parsed.problem });
  const value = parsed.info.normalized;
  return {
    id_number_enc: pii.encrypt(value),
    id_number_hash: pii.lookupHash(value),
    id_number_masked: maskIdNumber(value),
    birth_date: parsed.info.birthDate,
    gender: parsed.info.gender,
  };
}

export function phoneColumns(pii: PiiCipher, raw: string | undefined) {
  if (!raw) return { phone_enc: null, phone_hash: null, phone_masked: null };
  const value = normalizePhone(raw);
  if (!value) throw new AppError('RESIDENT_PHONE_INVALID');
  return { phone_enc: pii.encrypt(value), phone_hash: pii.lookupHash(value), phone_masked: maskPhone(value) };
}

/** Full pinyin and initials for search: 张三 → zhangsan, zs. */
export function nameColumns(name: string) {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' }).map((s) =>
    s.toLowerCase().replace(/[^a-z0-9]/g, ''),
  );
  return { name, name_pinyin: syllables.join(''), name_initials: syllables.map((s) => s[0] ?? '').join('') };
}

/** What a search box text is: an ID number, a phone, latin letters (pinyin) or Chinese. */
export function classifyQuery(
  q: string,
): { kind: 'idNumber' | 'phone'; normalized: string } | { kind: 'pinyin' | 'name'; text: string } {
  const trimmed = q.trim();
  const id = parseIdNumber(trimmed);
  if (id.ok) return { kind: 'idNumber', normalized: id.info.normalized };
  const phone = /^[\d\s+-]{7,}$/.test(trimmed) ? normalizePhone(trimmed) : null;
  if (phone) return { kind: 'phone', normalized: phone };
  if (/^[A-Za-z]+$/.test(trimmed)) return { kind: 'pinyin', text: trimmed.toLowerCase() };
  return { kind: 'name', text: trimmed };
}
