// The holiday calendar as people write it: the State Council's yearly notice (国务院办公厅关于
// 部分节假日安排的通知) or lines of "date, 放假/上班, name" pasted from a sheet. Used by the console
// (preview before import) and by `linli calendar import` alike, so both read a notice the same way.

export interface CalendarDayInput {
  day: string; // YYYY-MM-DD
  isWorkday: boolean;
  name: string;
}

export interface ParsedNotice {
  days: CalendarDayInput[];
  /** Lines or clauses that named a date the parser could not place. */
  unread: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number): string | null => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
};

const NOTE = String.raw`(?:（[^）]*）|\([^)]*\))?`;
const rangeRe = new RegExp(
  String.raw`(\d{1,2})月(\d{1,2})日${NOTE}\s*(?:[至到—–-]\s*(?:(\d{1,2})月)?(\d{1,2})日${NOTE})?`,
  'g',
);
const dateRe = /(\d{1,2})月(\d{1,2})日/g;
const sectionRe = /(?:^|\n|\s)[一二三四五六七八九十]+、\s*([^：:\n]{1,20})[：:]/g;
const lineRe = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[\s,，\t]+(放假|休息|休|上班|班|工作日)[\s,，\t]*(.*)$/;

function daysBetween(year: number, from: string, to: string | null): string[] {
  if (!to || to < from) return [from];
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 40; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out.filter((d) => d.startsWith(String(year)));
}

function readClause(year: number, name: string, clause: string, out: Map<string, CalendarDayInput>): boolean {
  if (clause.includes('放假')) {
    let found = false;
    for (const m of clause.matchAll(rangeRe)) {
      const month = Number(m[1]);
      const from = dateOf(year, month, Number(m[2]));
      const to = m[4] ? dateOf(year, m[3] ? Number(m[3]) : month, Number(m[4])) : null;
      if (!from) return false;
      for (const day of daysBetween(year, from, to)) out.set(day, { day, isWorkday: false, name });
      found = true;
    }
    return found;
  }
  if (clause.includes('上班')) {
    let found = false;
    for (const m of clause.matchAll(dateRe)) {
      const day = dateOf(year, Number(m[1]), Number(m[2]));
      if (!day) return false;
      out.set(day, { day, isWorkday: true, name: `${name}调休` });
      found = true;
    }
    return found;
  }
  return !dateRe.test(clause);
}

/** Reads the notice's numbered sections (一、元旦：…) and lines like "2027-02-05 放假 春节". */
export function parseHolidayNotice(year: number, text: string): ParsedNotice {
  const out = new Map<string, CalendarDayInput>();
  const unread: string[] = [];
  const rest: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const m = lineRe.exec(line);
    if (!m) {
      rest.push(raw);
      continue;
    }
    const day = Number(m[1]) === year ? dateOf(year, Number(m[2]), Number(m[3])) : null;
    if (!day) unread.push(line);
    else out.set(day, { day, isWorkday: /上班|班|工作日/.test(m[4]!), name: m[5]!.trim() });
  }
  const body = rest.join('\n');
  const sections = [...body.matchAll(sectionRe)];
  sections.forEach((s, i) => {
    const name = s[1]!.trim();
    const text = body.slice(s.index! + s[0].length, sections[i + 1]?.index ?? body.length);
    for (const clause of text.split(/[，,；;。\n]/)) {
      dateRe.lastIndex = 0;
      if (clause.trim() && !readClause(year, name, clause, out)) unread.push(clause.trim());
    }
  });
  return { days: [...out.values()].sort((a, b) => a.day.localeCompare(b.day)), unread };
}

/** 540 → "09:00". */
export const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** "09:00" → 540; null when it is not a time of day. */
export function minutesOf(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** From this month (November) on, next year's calendar should be in. */
export const calendarWarningMonth = 11;
