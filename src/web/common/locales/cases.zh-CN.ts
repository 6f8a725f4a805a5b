import { caseActionLabels, caseChannelLabels } from '../../../shared/cases';
import states from './case-states.zh-CN';

// Case words shared by the console, the phone pages and the resident's report page (诉求).
export default {
  ...states,
  caseChannel: caseChannelLabels,
  caseAction: caseActionLabels,
  casePriority: { normal: '一般', urgent: '紧急' },
};
