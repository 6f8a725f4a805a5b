import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from '../../platform/pii.js';
import { classifyQuery, idNumberColumns, nameColumns, phoneColumns } from './identity-fields.js';

const pii = new PiiCipher(randomBytes(32));

describe('resident identity fields', () => {
  it('stores an ID number encrypted, hashed and masked, and derives birth date and gender', () => {
    const cols = idNumberColumns(pii, '11010519491231002x', new Date());
    expect(cols.id_number_masked).toBe('110105********002X');
    expect(cols.id_number_enc).not.toContain('19491231');
    expect(pii.decrypt(cols.id_number_enc!)).toBe('11010519491231002X');
    expect(cols.id_number_hash).toBe(pii.lookupHash('11010519491231002X'));
    expect(cols).toMatchObject({ birth_date: '1949-12-31', gender: 'female' });
  });

  it('refuses a bad check digit or phone with a code', () => {
    expect(() => idNumberColumns(pii, '110105194912310021', new Date())).toThrowError(
      expect.objectContaining({ code: 'RESIDENT_ID_NUMBER_INVALID', details: { problem: 'checkDigit' } }),
    );
    expect(() => phoneColumns(pii, '12345')).toThrowError(expect.objectContaining({ code: 'RESIDENT_PHONE_INVALID' }));
  });

  it('keeps pinyin and initials for search, reading surnames as surnames', () => {
    expect(nameColumns('张三')).toEqual({ name: '张三', name_pinyin: 'zhangsan', name_initials: 'zs' });
    expect(nameColumns('曾秀英').name_pinyin).toBe('zengxiuying');
    expect(nameColumns('单田芳').name_initials).toBe('stf');
  });

  it('tells ID numbers, phones, pinyin and names apart', () => {
    expect(classifyQuery('11010519491231002X')).toEqual({ kind: 'idNumber', normalized: '11010519491231002X' });
    expect(classifyQuery('138 0013 8000')).toEqual({ kind: 'phone', normalized: '13800138000' });
    expect(classifyQuery('ZS')).toEqual({ kind: 'pinyin', text: 'zs' });
    expect(classifyQuery('张')).toEqual({ kind: 'name', text: '张' });
  });
});
