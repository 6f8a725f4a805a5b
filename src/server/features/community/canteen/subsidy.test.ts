import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../../shared/identity.js';
import { chooseSubsidy, partnerDiscountRule, subsidyOf, type SubsidyRuleLike } from './subsidy.js';

const rule = (over: Partial<SubsidyRuleLike>): SubsidyRuleLike => ({
  id: over.name ?? 'r',
  name: 'r',
  criterion: 'tag',
  tag: null,
  minAge: null,
  amountFen: null,
  percent: null,
  priority: 0,
  local: true,
  ...over,
});

const alone = rule({ name: '独居老人补贴', tag: 'elderly_alone', amountFen: 500 });
const dibao = rule({ name: '低保助餐', tag: 'subsistence', percent: 50 });
const over60 = rule({ name: '60岁以上', criterion: 'age', minAge: 60, amountFen: 200, local: false });
const over80 = rule({ name: '80岁以上', criterion: 'age', minAge: 80, amountFen: 400 });

describe('ageOn', () => {
  it('counts full years to the meal day, the birthday itself included', () => {
    expect(ageOn('1966-06-06', '2026-06-05')).toBe(59);
    expect(ageOn('1966-06-06', '2026-06-06')).toBe(60);
    expect(ageOn('1946-12-31', '2026-01-01')).toBe(79);
    expect(ageOn(null, '2026-01-01')).toBeNull();
  });
});

describe('chooseSubsidy: one rule, the best for the diner', () => {
  const rules = [alone, dibao, over60, over80];

  it('gives nothing to a diner no rule matches', () => {
    expect(chooseSubsidy(rules, { tags: ['veteran'], age: 45 }, 1500)).toBeNull();
    expect(chooseSubsidy(rules, { tags: [], age: null }, 1500)).toBeNull();
  });

  it('matches by tag and by age at or above the limit', () => {
    expect(chooseSubsidy(rules, { tags: ['elderly_alone'], age: 50 }, 1500)?.rule.name).toBe('独居老人补贴');
    expect(chooseSubsidy(rules, { tags: [], age: 60 }, 1500)?.subsidyFen).toBe(200);
    expect(chooseSubsidy(rules, { tags: [], age: 59 }, 1500)).toBeNull();
  });

  it('takes the rule that gives most, whatever the order', () => {
    // 78, living alone, on 低保: 500 off vs 50 % of 1500 = 750 vs 200 → 低保助餐
    const choice = chooseSubsidy(rules, { tags: ['elderly_alone', 'subsistence'], age: 78 }, 1500);
    expect(choice).toMatchObject({ subsidyFen: 750 });
    expect(choice?.rule.name).toBe('低保助餐');
    // at a cheaper price the fixed 500 wins over 50 % of 800 = 400
    expect(
      chooseSubsidy([...rules].reverse(), { tags: ['elderly_alone', 'subsistence'], age: 78 }, 800)?.rule.name,
    ).toBe('独居老人补贴');
  });

  it('breaks a tie by priority, then prefers the community’s own rule', () => {
    const a = rule({ name: 'A', criterion: 'age', minAge: 60, amountFen: 300, priority: 1 });
    const b = rule({ name: 'B', criterion: 'age', minAge: 60, amountFen: 300, priority: 5 });
    expect(chooseSubsidy([a, b], { tags: [], age: 70 }, 1500)?.rule.name).toBe('B');
    const county = rule({ name: '县', criterion: 'age', minAge: 60, amountFen: 300, local: false });
    const local = rule({ name: '社区', criterion: 'age', minAge: 60, amountFen: 300 });
    expect(chooseSubsidy([county, local], { tags: [], age: 70 }, 1500)?.rule.name).toBe('社区');
  });

  it('never takes off more than the price, and rounds a percent down to the fen', () => {
    expect(subsidyOf(alone, 300)).toBe(300);
    expect(subsidyOf(dibao, 999)).toBe(499);
    expect(chooseSubsidy([alone], { tags: ['elderly_alone'], age: 70 }, 0)).toBeNull();
  });

  it('weighs a partner shop’s elder discount with the rules', () => {
    const shop = partnerDiscountRule(20);
    expect(chooseSubsidy([over60, shop], { tags: [], age: 65 }, 3000)?.rule.name).toBe('合作商户敬老折扣');
    expect(chooseSubsidy([over60, shop], { tags: [], age: 65 }, 500)?.rule.name).toBe('60岁以上');
    expect(chooseSubsidy([shop], { tags: [], age: 59 }, 3000)).toBeNull();
  });
});
