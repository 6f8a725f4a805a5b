import { describe, expect, it } from 'vitest';
import { answerProblems, formDefinitionSchema } from '../../../../shared/service-forms';
import {
  applyPrefill,
  compactDraft,
  currentStep,
  draftToAnswers,
  feeText,
  initialDraft,
  materialProblems,
  newRow,
  problemKey,
  problemText,
  serverProblems,
  timeLimitText,
} from './data';

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;

const form = formDefinitionSchema.parse({
  fields: [
    { key: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name' },
    { key: 'id_no', label: '身份证号', kind: 'id_number', required: true, prefill: 'id_number' },
    { key: 'people', label: '家庭人口', kind: 'number', integer: true, min: 1 },
    { key: 'reason', label: '申请理由', kind: 'choice', options: ['因病', '因残'], required: true },
    { key: 'needs', label: '需要', kind: 'choice', options: ['米', '油', '面'], multiple: true },
    { key: 'proof', label: '证明', kind: 'file', maxFiles: 2 },
    {
      key: 'members',
      label: '家庭成员',
      kind: 'table',
      minRows: 1,
      columns: [
        { key: 'who', label: '姓名', kind: 'text', required: true },
        { key: 'age', label: '年龄', kind: 'number' },
      ],
    },
  ],
});

describe('the phone form of a service item', () => {
  it('opens empty, with one table row and the registry values in the prefilled fields', () => {
    const draft = initialDraft(form, { name: '陈秀英' });
    expect(draft).toEqual({
      name: '陈秀英',
      id_no: '',
      people: '',
      reason: '',
      needs: [],
      proof: [],
      members: [{ who: '', age: '' }],
    });
  });

  it('fills only the empty fields when the registry answers late', () => {
    const draft = { ...initialDraft(form), name: '自己写的' };
    const next = applyPrefill(form, draft, { name: '陈秀英', id_number: '11010519491231002x' });
    expect(next.name).toBe('自己写的');
    expect(next.id_no).toBe('11010519491231002x');
  });

  it('sends numbers as numbers, one option for a single choice, and leaves empty inputs and blank rows out', () => {
    const draft = {
      ...initialDraft(form),
      name: ' 陈秀英 ',
      id_no: '11010519491231002x',
      people: '3',
      reason: '因病',
      needs: ['米', '油'],
      proof: ['f1'],
      members: [{ who: '陈大', age: '40' }, newRow(form.fields[6]!), { who: '陈二', age: '' }],
    };
    expect(draftToAnswers(form, draft)).toEqual({
      name: '陈秀英',
      id_no: '11010519491231002X',
      people: 3,
      reason: '因病',
      needs: ['米', '油'],
      proof: ['f1'],
      members: [{ who: '陈大', age: 40 }, { who: '陈二' }],
    });
  });

  it('takes blank rows off the screen too, so a problem names the row the resident sees', () => {
    const draft = {
      ...initialDraft(form),
      members: [newRow(form.fields[6]!), { who: '', age: 'abc' }],
    };
    const compact = compactDraft(form, draft);
    expect(compact.members).toEqual([{ who: '', age: 'abc' }]);
    const problems = answerProblems(form, draftToAnswers(form, compact));
    const keys = problems.map(problemKey);
    expect(keys).toContain('members.0.who');
    expect(keys).toContain('members.0.age');
    expect(keys).toContain('name');
    expect(keys).toContain('reason');
    const age = problems.find((p) => problemKey(p) === 'members.0.age')!;
    expect(problemText(age, 'zh-CN')).toBe('请填写数字');
    expect(problemText(age, 'en')).toBe('must be a number');
  });

  it('keeps one empty row on the screen for a table nobody filled, and sends no rows for it', () => {
    const compact = compactDraft(form, { ...initialDraft(form), members: [] });
    expect(compact.members).toEqual([{ who: '', age: '' }]);
    expect(draftToAnswers(form, compact)).not.toHaveProperty('members');
  });

  it('asks for each required material unless it is uploaded or brought to the window', () => {
    const materials = [
      { key: 'id_card', name: '居民身份证', required: true, original: true, copies: 1 },
      { key: 'photo', name: '照片', required: true, original: false, copies: 1 },
      { key: 'other', name: '其他', required: false, original: false, copies: 0 },
    ];
    const missing = materialProblems(materials, {
      id_card: { fileIds: [], atWindow: true },
      photo: { fileIds: [], atWindow: false },
    });
    expect(missing.map((m) => m.key)).toEqual(['photo']);
  });
});

describe("the server's refusal of an application", () => {
  it('puts each issue on its input, its table cell, its material or the community, in the reader’s language', () => {
    const details = {
      issues: [
        { path: 'answers.name', message: '姓名：必填', messages: { 'zh-CN': '姓名：必填', en: 'Name: required' } },
        {
          path: 'answers.members',
          row: 1,
          column: 'age',
          message: '家庭成员 第 2 行 年龄：请填写数字',
          messages: { 'zh-CN': '家庭成员 第 2 行 年龄：请填写数字', en: 'Members row 2 Age: must be a number' },
        },
        { path: 'materials.id_card', message: '请上传这份材料' },
        { path: 'communityId', message: '不是社区' },
        { path: 'bundleId', message: '这个事项只能到窗口办理' },
      ],
    };
    expect(serverProblems(details, 'en')).toEqual({
      name: 'required',
      'members.1.age': 'must be a number',
      'material.id_card': '请上传这份材料',
      community: '不是社区',
      other: '这个事项只能到窗口办理',
    });
    expect(serverProblems({ other: 1 }, 'zh-CN')).toEqual({});
  });
});

describe('what the phone says about items and applications', () => {
  it('reads fees in yuan and a time limit of 0 as done on the spot', () => {
    expect(feeText(0, t)).toBe('services.free');
    expect(feeText(1250, t)).toBe('services.fee{"amount":"12.50"}');
    expect(feeText(2000, t)).toBe('services.fee{"amount":"20"}');
    expect(timeLimitText(0, t)).toBe('services.atOnce');
    expect(timeLimitText(5, t)).toBe('services.workingDays{"n":5}');
  });

  it('puts each state on a step, 补正 before acceptance', () => {
    expect(currentStep('submitted')).toBe(0);
    expect(currentStep('supplement')).toBe(0);
    expect(currentStep('accepted')).toBe(1);
    expect(currentStep('in_review')).toBe(2);
    expect(currentStep('ready')).toBe(3);
    expect(currentStep('collected')).toBe(4);
  });
});
