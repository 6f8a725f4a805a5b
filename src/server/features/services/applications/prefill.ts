import { parseIdNumber } from '../../../../shared/identity.js';
import { relationLabels } from '../../../../shared/people-labels.js';
import type { PrefillKey } from '../../../../shared/service-forms.js';
import { AppError, invalid } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import type { ApplicationsDeps } from './deps.js';
import * as repo from './repository.js';

// 预填: the resident's own registry data for the phone form — only when the registry record of the ID
// number they type carries the phone their account logged in with, so nobody reads another's record.

/** The county's communities by name, for a resident without a registry record to pick hers (no codes). */
export async function publicCommunities(deps: ApplicationsDeps) {
  return { items: await repo.countyCommunities(deps.db) };
}

export async function prefillFor(deps: ApplicationsDeps, actor: Actor, idNumber: string) {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw invalid('idNumber', 'idNumberInvalid');
  const account = actor.userId ? await repo.userPhoneHash(deps.db, actor.userId) : undefined;
  const phone = actor.userId ? await repo.userPhone(deps.db, actor.userId) : undefined;
  if (!account?.phone_hash || !phone?.phone_enc) throw new AppError('NOT_FOUND');
  const rows = await repo.residentsByIdHash(deps.db, deps.pii.lookupHash(parsed.info.normalized));
  const r = rows.find((x) => x.phone_hash === account.phone_hash);
  if (!r) throw new AppError('NOT_FOUND');
  const values: Record<PrefillKey, string | null> = {
    name: r.name,
    id_number: parsed.info.normalized,
    phone: deps.pii.decrypt(phone.phone_enc),
    gender: r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : null,
    birth_date: parsed.info.birthDate, // the ID number carries it
    address: r.address,
    household_head: r.head_name,
    relation_to_head: relationLabels[r.relation as keyof typeof relationLabels] ?? null,
  };
  // The community her application is filed in: her household's (she may pick another on the phone).
  const community = await repo.communityOver(deps.db, r.household_path);
  return { values, community: community ? { id: community.id, name: community.name } : null };
}
