// 七个阶段: where a case stands in the urban-grid standard's flow (信息采集 → … → 综合评价), for the
// steps bar of the case page on the console and the phone. The server sends the stage (the state →
// stage table is in src/shared/cases.ts); this says how each step of the bar looks.
import { caseStages, type CaseStage, type CaseState } from '../../shared/cases';

export type StageStatus = 'done' | 'current' | 'todo' | 'stopped';

/** Each stage: done before the current one (a closed case has done them all), stopped where a rejected case ended. */
export function stageSteps(stage: CaseStage, state: CaseState): { stage: CaseStage; status: StageStatus }[] {
  const current = caseStages.indexOf(stage);
  const statusAt = (index: number): StageStatus => {
    if (index < current || (state === 'closed' && index === current)) return 'done';
    if (index > current) return 'todo';
    return state === 'rejected' ? 'stopped' : 'current';
  };
  return caseStages.map((s, index) => ({ stage: s, status: statusAt(index) }));
}
