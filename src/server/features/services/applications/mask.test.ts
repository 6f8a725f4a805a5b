import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../../shared/service-forms.js';
import { holdsPersonal, maskAnswers } from './mask.js';

const field = (f: Partial<FormField> & Pick<FormField, 'key' | 'kind'>): FormField => ({
  label: f.key,
  required: false,
  ...f,
});

describe('maskAnswers', () => {
  const fields = [
    field({ key: 'name', kind: 'text', prefill: 'name' }),
    field({ key: 'id', kind: 'id_number' }),
    field({ key: 'tel', kind: 'phone' }),
    field({ key: 'home', kind: 'text', prefill: 'phone' }),
    field({ key: 'odd', kind: 'text', prefill: 'id_number' }),
    field({
      key: 'rows',
      kind: 'table',
      columns: [
        { key: 'who', label: '姓名', kind: 'text' },
        { key: 'idNo', label: '身份证号', kind: 'id_number' },
        { key: 'tel', label: '电话', kind: 'phone' },
      ],
    } as Partial<FormField> & Pick<FormField, 'key' | 'kind'>),
    field({ key: 'plain', kind: 'table', columns: [{ key: 'x', label: 'x', kind: 'text' }] } as never),
  ];

  it('masks ID numbers and phones in fields, prefilled fields and table cells, and nothing else', () => {
    expect(
      maskAnswers(fields, {
        name: '张三',
        id: '61089919800101123X',
        tel: '13800000001',
        home: '029-88886666',
        odd: '123',
        rows: [{ who: '王五', idNo: '610899199203033456', tel: '13700000002' }, 'junk'],
        plain: [{ x: '13800000001' }],
        extra: 'kept',
      }),
    ).toEqual({
      name: '张三',
      id: '610899********123X',
      tel: '138****0001',
      home: '029-8888****',
      odd: '***',
      rows: [{ who: '王五', idNo: '610899********3456', tel: '137****0002' }, 'junk'],
      plain: [{ x: '13800000001' }],
      extra: 'kept',
    });
  });

  it('names the fields that hold personal data', () => {
    expect(fields.filter(holdsPersonal).map((f) => f.key)).toEqual(['id', 'tel', 'home', 'odd', 'rows']);
  });
});
