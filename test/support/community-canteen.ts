import type { AppDeps } from '../../src/server/deps.js';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { buildResident } from './services.js';

// Factories of the canteen area (issue 16): registry residents with a birth date and tags — the diners
// whose subsidies the tests know by hand.

let serial = 100;

/** A valid ID number of the demo county for a birth date (YYYY-MM-DD). */
export function idNumberBornOn(birth: string): string {
  serial += 1;
  const first17 = `610899${birth.replaceAll('-', '')}${String(serial).padStart(3, '0').slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** A registry resident of a household, born on `birth`, carrying `tags`; returns id and ID number. */
export async function buildDiner(
  deps: AppDeps,
  household: { id: string; tenantId: string | null },
  input: { name: string; birth: string; tags?: string[]; phone?: string },
) {
  const idNumber = idNumberBornOn(input.birth);
  const id = await buildResident(deps, household, { name: input.name, idNumber, phone: input.phone });
  if (input.tags?.length)
    await deps.db.updateTable('residents').set({ tags: input.tags }).where('id', '=', id).execute();
  return { id, idNumber };
}
