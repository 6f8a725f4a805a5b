// 助餐补贴: which rule applies to a diner and how much it takes off. Pure, so the choice is unit-tested.
// A rule matches by a registry tag the resident carries or by age (full years at the meal's day). Of
// the rules that match — the community's, the county's, and a partner shop's fixed elder discount —
// the one that gives the diner the most applies; equal subsidies go to the higher priority, then to
// the community's own rule. The subsidy never exceeds the price.

export interface SubsidyRuleLike {
  id: string | null;
  name: string;
  criterion: 'tag' | 'age';
  tag: string | null;
  minAge: number | null;
  amountFen: number | null;
  percent: number | null;
  priority: number;
  /** the community's own rule (true) or the county's (false) */
  local: boolean;
}

export interface Diner {
  tags: readonly string[];
  age: number | null;
}

export interface SubsidyChoice {
  rule: SubsidyRuleLike;
  subsidyFen: number;
}

export const ruleMatches = (rule: SubsidyRuleLike, diner: Diner): boolean =>
  rule.criterion === 'tag'
    ? rule.tag !== null && diner.tags.includes(rule.tag)
    : rule.minAge !== null && diner.age !== null && diner.age >= rule.minAge;

/** What a rule takes off a price: its amount, or its percent rounded down to the fen; never above the price. */
export function subsidyOf(rule: SubsidyRuleLike, priceFen: number): number {
  const off = rule.amountFen ?? Math.floor((priceFen * (rule.percent ?? 0)) / 100);
  return Math.max(0, Math.min(off, priceFen));
}

/** The one rule that applies to the diner for this price, or null when none matches (or none gives anything). */
export function chooseSubsidy(rules: readonly SubsidyRuleLike[], diner: Diner, priceFen: number): SubsidyChoice | null {
  let best: SubsidyChoice | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, diner)) continue;
    const subsidyFen = subsidyOf(rule, priceFen);
    if (subsidyFen <= 0) continue;
    if (
      !best ||
      subsidyFen > best.subsidyFen ||
      (subsidyFen === best.subsidyFen &&
        (rule.priority > best.rule.priority ||
          (rule.priority === best.rule.priority && rule.local && !best.rule.local)))
    )
      best = { rule, subsidyFen };
  }
  return best;
}

/** A partner shop's fixed elder discount (合作商户敬老折扣) as a rule: percent off for diners of 60 and over. */
export const ELDER_AGE = 60;
export const partnerDiscountRule = (percent: number): SubsidyRuleLike => ({
  id: null,
  name: '合作商户敬老折扣',
  criterion: 'age',
  tag: null,
  minAge: ELDER_AGE,
  amountFen: null,
  percent,
  priority: 0,
  local: true,
});
