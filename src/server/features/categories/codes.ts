// Category codes people never read: the console shows names. New categories get codes after the
// urban-grid standard (GB/T 30428 family): a class letter (E 事件, C 部件) and two digits a level —
// E04 突发事件, E0401 its first sub-class. Under a class of the older demo set (codes such as
// `garbage`, kept for Open311 service codes and statistics) a new sub-class gets `E99NN`, the
// locally extended range, since the parent's code has no digits to extend.

export type CategoryKind = 'event' | 'component';

export const maxCategoryDepth = 3;

const standardCode = /^[EC](\d{2}){1,3}$/;

export const isStandardCode = (code: string): boolean => standardCode.test(code);

/** The next free code under `parent` (or at the top), given every code already taken. */
export function nextCategoryCode(kind: CategoryKind, parentCode: string | null, taken: Iterable<string>): string {
  const used = new Set(taken);
  const prefix =
    parentCode && isStandardCode(parentCode) ? parentCode : (kind === 'event' ? 'E' : 'C') + (parentCode ? '99' : '');
  for (let n = parentCode ? 1 : 7; n <= 99; n++) {
    const code = prefix + String(n).padStart(2, '0');
    if (!used.has(code)) return code;
  }
  // 98 siblings: past what a tree people choose from can hold; the caller refuses.
  throw new Error(`no free category code under ${prefix}`);
}

interface TreeRow {
  code: string;
  parent_code: string | null;
}

/** 1 for a top-level class, 2 for its sub-class, … (a broken chain stops counting). */
export function depthOf(rows: readonly TreeRow[], code: string): number {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  let depth = 0;
  for (
    let at = byCode.get(code);
    at && depth <= rows.length;
    at = at.parent_code ? byCode.get(at.parent_code) : undefined
  )
    depth++;
  return depth;
}

/** Levels below and including `code`: 1 for a leaf. */
export function heightOf(rows: readonly TreeRow[], code: string): number {
  const children = rows.filter((r) => r.parent_code === code);
  return 1 + Math.max(0, ...children.map((c) => heightOf(rows, c.code)));
}

/** `code` is `ancestor` or lies under it. */
export function isWithin(rows: readonly TreeRow[], code: string, ancestor: string): boolean {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (let at: string | null = code, steps = 0; at && steps <= rows.length; steps++) {
    if (at === ancestor) return true;
    at = byCode.get(at)?.parent_code ?? null;
  }
  return false;
}
