// Case text: duplicate suggestions and category hints, over the words of platform/search-text.ts.

/** Jaccard similarity of two word sets. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const shared = a.filter((w) => setB.has(w)).length;
  return shared / (a.length + b.length - shared);
}

/** The category whose keywords the text hits most, if any. */
export function suggestCategory(
  tokens: readonly string[],
  text: string,
  categories: readonly { code: string; keywords: string[] }[],
): string | null {
  let best: { code: string; hits: number } | null = null;
  for (const c of categories) {
    const hits = c.keywords.filter((k) => tokens.includes(k) || text.includes(k)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { code: c.code, hits };
  }
  return best?.code ?? null;
}
