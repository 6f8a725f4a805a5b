// 准入核验: is a task a department hands to a community one of the admitted items (准入事项) of the
// street's list in force? A cancelled item (取消事项) is refused even when it is asked for by name;
// anything not on the list is refused too, and the reason cites the list.

export interface VerdictItem {
  ref: string;
  kind: string;
  item_name: string;
  keywords: string[];
}
export interface TaskVerdict {
  status: 'accepted' | 'refused';
  reason: string;
  ref: string | null;
}

const matches = (i: { keywords: string[] }, text: string) => i.keywords.some((k) => k && text.includes(k));

export function taskVerdict(
  list: { title: string } | undefined,
  items: readonly VerdictItem[],
  task: { title: string; description: string; itemRef?: string },
): TaskVerdict {
  const text = `${task.title} ${task.description}`;
  const named = task.itemRef ? items.find((i) => i.ref === task.itemRef) : undefined;
  const cancelled = named?.kind === 'cancelled' ? named : items.find((i) => i.kind === 'cancelled' && matches(i, text));
  const admitted =
    named?.kind === 'admitted'
      ? named
      : !task.itemRef
        ? items.find((i) => i.kind === 'admitted' && matches(i, text))
        : undefined;
  if (list && cancelled && !(named && named.kind === 'admitted')) {
    return {
      status: 'refused',
      ref: cancelled.ref,
      reason: `属于取消事项（${list.title} ${cancelled.ref}：${cancelled.item_name}），社区不再承担`,
    };
  }
  if (list && admitted)
    return {
      status: 'accepted',
      ref: admitted.ref,
      reason: `准入事项（${list.title} ${admitted.ref}：${admitted.item_name}）`,
    };
  return {
    status: 'refused',
    ref: task.itemRef ?? null,
    reason: list ? `不在准入事项清单内（${list.title}），请按程序申请准入` : '本街道尚未发布权责清单',
  };
}
