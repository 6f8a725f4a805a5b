import { seededRandom, shuffleInPlace } from './random.js';

/**
 * Fold of each example: each label's examples, shuffled by the seed, dealt round the folds in turn
 * (continuing where the previous label stopped), so every fold holds every label that has ≥ folds examples.
 */
export function stratifiedFolds(labels: string[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = byLabel.get(label)!;
    shuffleInPlace(members, random);
    for (const i of members) {
      fold[i] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}
