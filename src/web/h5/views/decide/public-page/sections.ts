// The other areas' public lists on this page (notices, meetings, votes, topics, honours, supervision).
// They are built apart and their answers are read with care: a list that does not answer, or whose
// rows have no title, hides its section. Only plain strings are kept; everything is shown as text.

export const sectionNames = ['notices', 'meetings', 'votes', 'topics', 'honours', 'supervision'] as const;
export type SectionName = (typeof sectionNames)[number];

/** One row of a section, as this page shows it. */
export interface SectionRow {
  id: string | null;
  title: string;
  /** A kind, a state or a date, whichever the row carries, joined with ·. */
  meta: string;
}

const maxRows = 5;
const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null;

/** YYYY-MM-DD of an ISO time or a date. */
const day = (value: unknown): string | null => {
  const s = str(value);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

function rowOf(raw: unknown): SectionRow | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const title = str(r.title) ?? str(r.name) ?? str(r.subject) ?? str(r.question);
  if (!title) return null;
  const when = day(r.publishedAt) ?? day(r.startsAt) ?? day(r.closesAt) ?? day(r.date) ?? day(r.createdAt);
  const label = str(r.kindLabel) ?? str(r.stateLabel) ?? str(r.categoryLabel);
  return {
    id: str(r.id),
    title,
    meta: [label, when].filter(Boolean).join(' · '),
  };
}

/** The rows of an answer `{ items: [...] }` (or a bare array); null when the answer has none. */
export function sectionRows(answer: unknown): SectionRow[] | null {
  const list = Array.isArray(answer)
    ? answer
    : answer && typeof answer === 'object' && Array.isArray((answer as { items?: unknown }).items)
      ? (answer as { items: unknown[] }).items
      : null;
  if (!list) return null;
  const rows = list
    .map(rowOf)
    .filter((r): r is SectionRow => r !== null)
    .slice(0, maxRows);
  return rows.length ? rows : null;
}
