import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from './identity.js';
import {
  answerProblems,
  answersForItem,
  attachedFileIds,
  definitionProblems,
  formDefinitionSchema,
  mergeForms,
  mergeMaterials,
  type FormDefinition,
  type FormField,
  type Material,
} from './service-forms.js';

// 服务事项的表单: definitions checked as data, answers checked against them, bundles merged.

const field = (over: Partial<FormField> & Pick<FormField, 'key' | 'kind'>): FormField => ({
  label: over.key,
  required: false,
  ...over,
});
const validId = (first17 = '61089919800101123') => first17 + idNumberCheckChar(first17);

describe('definitionProblems', () => {
  it('accepts a sound definition', () => {
    expect(
      definitionProblems([
        field({ key: 'name', kind: 'text', prefill: 'name', minLength: 2, maxLength: 20 }),
        field({ key: 'kind', kind: 'choice', options: ['低保', '特困'] }),
        field({
          key: 'members',
          kind: 'table',
          columns: [{ key: 'name', label: '姓名', kind: 'text', required: true }],
          minRows: 1,
          maxRows: 5,
        }),
      ]),
    ).toEqual([]);
  });

  it('names the field of every problem: repeated key, repeated prefill, bounds, options, columns', () => {
    const problems = definitionProblems([
      field({ key: 'a', kind: 'text', prefill: 'name' }),
      field({ key: 'a', kind: 'text' }),
      field({ key: 'b', kind: 'text', prefill: 'name' }),
      field({ key: 'c', kind: 'number', min: 5, max: 1 }),
      field({ key: 'd', kind: 'choice', options: ['一'] }),
      field({ key: 'e', kind: 'text', options: ['x', 'y'] }),
      field({ key: 'f', kind: 'table', columns: [] }),
      field({ key: 'g', kind: 'text', columns: [{ key: 'x', label: 'x', kind: 'text', required: false }] }),
      field({
        key: 'h',
        kind: 'table',
        columns: [
          { key: 'x', label: 'x', kind: 'text', required: false },
          { key: 'x', label: 'y', kind: 'choice', required: false, options: ['同', '同'] },
        ],
        minRows: 4,
        maxRows: 2,
      }),
    ]);
    const at = (key: string) => problems.filter((p) => p.field === key).map((p) => p.message['zh-CN']);
    expect(at('a')).toEqual(['字段标识重复']);
    expect(at('b')).toEqual(['同一项登记信息只能预填一个字段']);
    expect(at('c')).toEqual(['最小值不能大于最大值']);
    expect(at('d')).toEqual(['选择字段至少要有两个选项']);
    expect(at('e')).toEqual(['只有“选择”字段可以有选项']);
    expect(at('f')).toEqual(['表格至少要有一列']);
    expect(at('g')).toEqual(['只有表格字段可以有列']);
    expect(at('h')).toEqual(['列标识重复', '选项有重复', '最少行数不能大于最多行数']);
    expect(problems.find((p) => p.field === 'h' && p.message['zh-CN'] === '选项有重复')?.column).toBe('x');
  });

  it('formDefinitionSchema refuses a bad definition with the field key in the issue path', () => {
    const parsed = formDefinitionSchema.safeParse({
      fields: [{ key: 'help_kind', label: '救助类别', kind: 'choice', options: ['一'] }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['fields', 'help_kind']);
    expect(formDefinitionSchema.safeParse({ fields: [{ key: 'Bad Key', label: 'x', kind: 'text' }] }).success).toBe(
      false,
    );
  });
});

describe('answerProblems', () => {
  const definition: FormDefinition = {
    fields: [
      field({ key: 'name', kind: 'text', required: true, maxLength: 4 }),
      field({ key: 'id', kind: 'id_number', required: true }),
      field({ key: 'phone', kind: 'phone' }),
      field({ key: 'born', kind: 'date' }),
      field({ key: 'count', kind: 'number', integer: true, min: 1, max: 10 }),
      field({ key: 'kind', kind: 'choice', options: ['甲', '乙'] }),
      field({ key: 'kinds', kind: 'choice', options: ['甲', '乙'], multiple: true }),
      field({ key: 'photo', kind: 'file', maxFiles: 2 }),
      field({
        key: 'members',
        kind: 'table',
        minRows: 1,
        maxRows: 2,
        columns: [
          { key: 'name', label: '姓名', kind: 'text', required: true },
          { key: 'id', label: '身份证号', kind: 'id_number', required: false },
        ],
      }),
    ],
  };
  const good = {
    name: '王小明',
    id: validId(),
    phone: '13800138000',
    born: '1980-01-01',
    count: 3,
    kind: '甲',
    kinds: ['甲', '乙'],
    photo: ['f1', 'f2'],
    members: [{ name: '李华', id: validId('61089920100101002') }],
  };

  it('accepts good answers', () => {
    expect(answerProblems(definition, good)).toEqual([]);
  });

  it('tells required, kinds, bounds, the ID check digit and unknown keys, each on its field', () => {
    const wrongDigit = validId().slice(0, 17) + (validId().endsWith('0') ? '1' : '0');
    const problems = answerProblems(definition, {
      ...good,
      name: '',
      id: wrongDigit,
      phone: '12345',
      born: '2026-02-30',
      count: 2.5,
      kind: ['甲'],
      kinds: ['丙'],
      photo: ['a', 'b', 'c'],
      extra: 'x',
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['extra', 'name', 'id', 'phone', 'born', 'count', 'kind', 'kinds', 'photo']),
    );
    expect(problems.find((p) => p.field === 'id')?.message['zh-CN']).toContain('校验位');
    expect(problems.find((p) => p.field === 'name')?.message['zh-CN']).toContain('必填');
    expect(answerProblems(definition, { ...good, name: '五个字名字' })[0]?.message['zh-CN']).toContain('最多 4 个字');
  });

  it('checks table rows cell by cell, naming row and column', () => {
    const problems = answerProblems(definition, {
      ...good,
      members: [{ name: '' }, { name: '张三', id: '610899198001011230', age: 3 }],
    });
    expect(problems.find((p) => p.row === 0 && p.column === 'name')?.message['zh-CN']).toContain('第 1 行 姓名：必填');
    expect(problems.some((p) => p.row === 1 && p.column === 'age')).toBe(true);
    // an optional table may stay empty; once filled it keeps its row limits
    expect(answerProblems(definition, { ...good, members: [] })).toEqual([]);
    expect(
      answerProblems(definition, { ...good, members: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] })[0]?.message[
        'zh-CN'
      ],
    ).toContain('最多 2 行');
    expect(answerProblems(definition, { ...good, members: 'x' })[0]?.message['zh-CN']).toContain('应为表格');
  });

  it('lists the attached file ids of file fields only', () => {
    expect(attachedFileIds(definition, good)).toEqual(['f1', 'f2']);
    expect(attachedFileIds(definition, { ...good, photo: 'one' })).toEqual(['one']);
  });
});

describe('mergeForms and mergeMaterials', () => {
  const first: FormDefinition = {
    fields: [
      field({ key: 'name', kind: 'text', prefill: 'name' }),
      field({ key: 'shop', kind: 'text', required: false }),
      field({ key: 'area', kind: 'number' }),
    ],
  };
  const second: FormDefinition = {
    fields: [
      field({ key: 'applicant', kind: 'text', prefill: 'name', required: true }),
      field({ key: 'shop', kind: 'text', required: true }),
      field({ key: 'area', kind: 'text' }),
    ],
  };

  it('one input per prefill and per same key and kind; the strictest required wins; a kind clash is renamed', () => {
    const { form, sources } = mergeForms([
      { itemId: 'i1', form: first },
      { itemId: 'i2', form: second },
    ]);
    expect(form.fields.map((f) => f.key)).toEqual(['name', 'shop', 'area', 'area__2']);
    expect(form.fields.find((f) => f.key === 'name')?.required).toBe(true);
    expect(form.fields.find((f) => f.key === 'shop')?.required).toBe(true);
    expect(sources.name).toEqual([
      { itemId: 'i1', key: 'name' },
      { itemId: 'i2', key: 'applicant' },
    ]);
    expect(sources.area__2).toEqual([{ itemId: 'i2', key: 'area' }]);
    const merged = { name: '王五', shop: '便利店', area: 30, area__2: '三十平' };
    expect(answersForItem('i2', sources, merged)).toEqual({ applicant: '王五', shop: '便利店', area: '三十平' });
    expect(answersForItem('i1', sources, merged)).toEqual({ name: '王五', shop: '便利店', area: 30 });
  });

  it('does not change the items’ own definitions', () => {
    mergeForms([
      { itemId: 'i1', form: first },
      { itemId: 'i2', form: second },
    ]);
    expect(first.fields[0]!.required).toBe(false);
  });

  it('asks each material once: required if any requires it, the original if any asks, the most copies', () => {
    const a: Material[] = [
      { key: 'id_card', name: '居民身份证', required: false, original: false, copies: 1 },
      { key: 'licence', name: '营业执照', required: true, original: false, copies: 1 },
    ];
    const b: Material[] = [{ key: 'id_card', name: '身份证', required: true, original: true, copies: 3 }];
    expect(mergeMaterials([a, b])).toEqual([
      { key: 'id_card', name: '居民身份证', required: true, original: true, copies: 3 },
      { key: 'licence', name: '营业执照', required: true, original: false, copies: 1 },
    ]);
    expect(a[0]!.required).toBe(false);
  });
});
