// Splits a migration file into statements: PGlite's query() takes one statement at a time.
// Knows single quotes, double quotes, -- and /* */ comments and $tag$ dollar quoting.
export function splitSqlStatements(source: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < source.length) {
    const token = skippedToken(source, i);
    if (token) {
      current += token.text;
      i = token.end;
      continue;
    }
    if (source[i] === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
    } else {
      current += source[i];
    }
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/**
 * A comment, quoted text or dollar-quoted body starting at `i`, inside which a ';' ends nothing:
 * where it ends and what it leaves in the statement (a comment leaves a line break or a space).
 */
function skippedToken(source: string, i: number): { end: number; text: string } | null {
  const ch = source[i];
  const next = source[i + 1];
  if (ch === '-' && next === '-') {
    const end = source.indexOf('\n', i);
    return { end: end === -1 ? source.length : end + 1, text: '\n' };
  }
  if (ch === '/' && next === '*') {
    const end = source.indexOf('*/', i + 2);
    return { end: end === -1 ? source.length : end + 2, text: ' ' };
  }
  if (ch === "'" || ch === '"') {
    const end = quotedEnd(source, i);
    return { end, text: source.slice(i, end) };
  }
  const tag = ch === '$' ? /^\$[A-Za-z_]*\$/.exec(source.slice(i))?.[0] : undefined;
  if (tag) {
    const close = source.indexOf(tag, i + tag.length);
    const end = close === -1 ? source.length : close + tag.length;
    return { end, text: source.slice(i, end) };
  }
  return null;
}

/** Just past the quote that closes the one at `i` (a doubled quote is a quote inside). */
function quotedEnd(source: string, i: number): number {
  const quote = source[i];
  let j = i + 1;
  while (j < source.length) {
    if (source[j] === quote && source[j + 1] === quote) j += 2;
    else if (source[j] === quote) break;
    else j++;
  }
  return j + 1;
}
