import type { Executor } from '../../../platform/audit.js';
import { registryResidentsOf } from '../../../platform/community/person.js';
import * as repo from './repository.js';

// 双报到: a user is an in-service party member (在职党员) when a registry record carrying their
// phone is in `in_service_members`; they may claim posts in that record's community.

export async function inServiceRecordsOf(db: Executor, userId: string) {
  const residents = await registryResidentsOf(db, userId);
  return repo.inServiceOf(
    db,
    residents.map((r) => r.id),
  );
}
