// 助餐补贴规则: the new-rule form and the body it sends (a county code makes a county rule).

export interface RuleForm {
  placeCode: string;
  name: string;
  criterion: 'tag' | 'age';
  tag: string;
  minAge: number;
  kind: 'amount' | 'percent';
  amountYuan: number;
  percent: number;
  priority: number;
}

export const emptyRule = (): RuleForm => ({
  placeCode: '',
  name: '',
  criterion: 'age',
  tag: '',
  minAge: 60,
  kind: 'amount',
  amountYuan: 2,
  percent: 20,
  priority: 0,
});

export function ruleBody(f: RuleForm) {
  return {
    ...(f.placeCode.length === 6 ? { countyCode: f.placeCode } : { communityCode: f.placeCode }),
    name: f.name,
    criterion: f.criterion,
    tag: f.criterion === 'tag' ? f.tag : null,
    minAge: f.criterion === 'age' ? f.minAge : null,
    amountFen: f.kind === 'amount' ? Math.round(f.amountYuan * 100) : null,
    percent: f.kind === 'percent' ? f.percent : null,
    priority: f.priority,
  };
}
