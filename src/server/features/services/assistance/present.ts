import type * as repo from './repository.js';

// A visit as the lists and the person's page show it.

type VisitRow = NonNullable<Awaited<ReturnType<typeof repo.findVisit>>>;

export const presentVisit = (v: VisitRow) => ({
  id: v.id,
  resident: { id: v.resident_id, name: v.resident_name },
  team: v.team_id ? { id: v.team_id, name: v.team_name ?? '' } : null,
  adviser: { id: v.adviser_id, name: v.adviser_name },
  mode: v.mode,
  kinds: v.kinds,
  note: v.note,
  visitedOn: v.visited_on,
  application: v.application_id ? { id: v.application_id, code: v.application_code ?? '' } : null,
  createdAt: new Date(v.created_at).toISOString(),
});
