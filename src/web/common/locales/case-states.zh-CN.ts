import { caseRatingLabels, caseStageLabels, caseStateLabels } from '../../../shared/cases';

// The states and ratings of a case in plain words; the residents' page needs only these.
export default {
  caseState: caseStateLabels,
  caseRating: caseRatingLabels,
  caseClock: { firstContact: '首次联系', dispatch: '派单', take: '接单', resolve: '办结' },
  caseTime: {
    left: '剩 {time}',
    over: '超时 {time}',
    dh: '{d}天{h}小时',
    hm: '{h}小时{m}分',
    m: '{m}分钟',
    none: '无时限',
  },
  /** 七个阶段 of the urban-grid standard (the steps bar of the case page). */
  caseStage: caseStageLabels,
};
