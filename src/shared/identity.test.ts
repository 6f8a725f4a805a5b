import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskIdNumber, maskName, maskPhone, normalizePhone, parseIdNumber } from './identity.js';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('ID numbers (GB 11643)', () => {
  it('accepts a number with the right check character and derives birth date and gender', () => {
    // The standard's own example: 11010519491231002X.
    expect(parseIdNumber('11010519491231002x')).toEqual({
      ok: true,
      info: { normalized: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', regionCode: '110105' },
    });
    const male = parseIdNumber(valid('61082419800101001'));
    expect(male.ok && male.info.gender).toBe('male');
  });

  it('names what is wrong', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(parseIdNumber(valid('61082419800231001'))).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseIdNumber(valid('61082430000101001'))).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseIdNumber('61082419800101')).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('6108241980010100AB')).toEqual({ ok: false, problem: 'format' });
  });

  it('masks all but the region and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('phone numbers', () => {
  it('normalizes mobiles and landlines and refuses the rest', () => {
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('0912-3456789')).toBe('0912-3456789');
    expect(normalizePhone('09123456789')).toBe('0912-3456789');
    expect(normalizePhone('12345678901')).toBeNull();
    expect(normalizePhone('1380013800')).toBeNull();
  });
  it('masks the middle of a mobile', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('0912-3456789')).toBe('0912-345****');
  });
});

describe('masked names', () => {
  it('keeps the first and last character, or only the family name', () => {
    expect(maskName('黄玉兰')).toBe('黄*兰');
    expect(maskName('马明')).toBe('马*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('*');
    expect(maskName('𠀋玉兰')).toBe('𠀋*兰');
    expect(maskName('黄玉兰', 'family')).toBe('黄**');
    expect(maskName('马明', 'family')).toBe('马*');
    expect(maskName('王', 'family')).toBe('*');
  });
});
