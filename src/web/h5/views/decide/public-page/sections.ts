// The other areas' public lists on this page (notices, meetings, votes, topics, honours, supervision).
// They are built apart and their answers are read with care: a list that does not answer, or whose
// rows have no title, hides its section. Only plain strings are kept; everything is shown as text.
// Each area answers in its own shape ({items}, {upcoming, recent}, {open, closed}, {campaigns},
// {projects}); states and kinds are codes, shown through the areas' own labels.

export const sectionNames = ['notices', 'meetings', 'votes', 'topics', 'honours', 'supervision'] as const;
export type SectionName = (typeof sectionNames)[number];

/** One row of a section, as this page shows it. */
export interface SectionRow {
  id: string | null;
  title: string;
  /** A kind, a state or a date, whichever the row carries, joined with ·. */
  meta: string;
}

/** The page's translate function; a key it does not know comes back unchanged (then not shown). */
type Translate = (key: string, values?: Record<string, unknown>) => string;

const maxRows = 5;
const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null;

/** 12月5日 of a date (YYYY-MM-DD) or of an ISO time, read in Beijing time as the notice pages do (not UTC). */
const beijingDay = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });
const day = (value: unknown): string | null => {
  const s = str(value);
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  if (s.length === 10) return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : beijingDay.format(d);
};

/** The label of a code under `prefix`, or null when there is none (never the code itself). */
const label = (t: Translate, prefix: string, code: unknown): string | null => {
  const c = str(code);
  if (!c || !/^[a-z_]+$/.test(c)) return null;
  const key = `${prefix}.${c}`;
  const text = t(key);
  return text && text !== key ? text : null;
};

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The rows of each section's answer, in the order the page shows them. */
function rawRows(name: SectionName, answer: Record<string, unknown>): unknown[] {
  switch (name) {
    case 'meetings':
      return [...listOf(answer.upcoming), ...listOf(answer.recent)];
    case 'votes':
      return [...listOf(answer.open), ...listOf(answer.closed)];
    case 'honours':
      return listOf(answer.campaigns);
    case 'supervision':
      return listOf(answer.projects);
    default:
      return listOf(answer.items);
  }
}

function rowOf(name: SectionName, raw: unknown, t: Translate): SectionRow | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const title = str(r.title) ?? str(r.name) ?? str(r.subject) ?? str(r.question);
  if (!title) return null;
  let parts: (string | null)[];
  switch (name) {
    case 'meetings':
      parts = [label(t, 'decide.meetings.kind', r.kind), day(r.startsAt)];
      break;
    case 'votes':
      parts = r.closedAt
        ? [t('decide.votes.state.closed'), day(r.closedAt)]
        : [
            t('decide.votes.state.open'),
            r.closesAt ? t('decide.publicPage.sections.closes', { day: day(r.closesAt) }) : null,
          ];
      break;
    case 'topics':
      parts = [label(t, 'decide.topics.state', r.state), day(r.raisedOn)];
      break;
    case 'honours':
      parts = [label(t, 'decide.honours.state', r.state)];
      break;
    case 'supervision':
      parts = [label(t, 'decide.supervisors.state', r.state)];
      break;
    default:
      parts = [label(t, 'decide.notices.kind', r.kind), day(r.publishedAt) ?? day(r.createdAt)];
  }
  return { id: str(r.id), title, meta: parts.filter(Boolean).join(' · ') };
}

/** The rows of a section's answer (or a bare array); null when the answer has none. */
export function sectionRows(name: SectionName, answer: unknown, t: Translate): SectionRow[] | null {
  const list = Array.isArray(answer)
    ? answer
    : answer && typeof answer === 'object'
      ? rawRows(name, answer as Record<string, unknown>)
      : [];
  const rows = list
    .map((raw) => rowOf(name, raw, t))
    .filter((r): r is SectionRow => r !== null)
    .slice(0, maxRows);
  return rows.length ? rows : null;
}
