import { can, type Actor } from '../../platform/policy.js';

// What the current user may do with one resident (sent to the UI with the data).
export function residentActions(actor: Actor, resident: { household_path: string; status: string }): string[] {
  const actions: string[] = [];
  const active = resident.status === 'active';
  if (active && can(actor, 'people:write', resident.household_path)) actions.push('edit', 'move', 'moveOut', 'death');
  if (can(actor, 'people:reveal', resident.household_path)) actions.push('reveal');
  return actions;
}
