import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pathUnder } from '../platform/scope.js';
import type { CommunityDemoContext } from './community-context.js';

// 居民议事 (issue 17): votes, nominations and the resident's notices find a person through the
// registry record that carries their phone. The demo's resident-side logins (黄玉兰 `resident`, the
// steward 马德明, the supervisors) log in with a password; give each a registry record in a household
// of 和平社区's 1号楼 with the phone of their account, and the account the phone hash an SMS login
// would have proven — as a real resident who registered with the community would have.

const people: { username: string; birthDate: string; gender: 'male' | 'female' }[] = [
  { username: 'resident', birthDate: '1956-03-12', gender: 'female' },
  { username: 'steward', birthDate: '1961-08-02', gender: 'male' },
  { username: 'supervisor', birthDate: '1968-05-20', gender: 'female' },
];

export async function seedDemoRegistryLogins(trx: Transaction<Database>, context: CommunityDemoContext) {
  const building = await trx
    .selectFrom('places')
    .select('path')
    .where('code', '=', '610899001001-1')
    .executeTakeFirst();
  if (!building) return 0;
  const households = await trx
    .selectFrom('places')
    .select(['id', 'tenant_id'])
    .where('kind', '=', 'household')
    .where(pathUnder('path', building.path))
    .orderBy('code')
    .limit(people.length)
    .execute();
  let made = 0;
  for (const [i, p] of people.entries()) {
    const household = households[i];
    const userId = context.userIds.get(p.username);
    if (!household?.tenant_id || !userId) continue;
    const user = await trx
      .selectFrom('users')
      .select(['display_name', 'phone_enc', 'phone_hash'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user?.phone_enc) continue;
    const phone = context.pii.decrypt(user.phone_enc);
    const phoneHash = context.pii.lookupHash(phone);
    if (!user.phone_hash) {
      const taken = await trx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst();
      if (taken) continue;
      await trx.updateTable('users').set({ phone_hash: phoneHash }).where('id', '=', userId).execute();
    } else if (user.phone_hash !== phoneHash) continue;
    const carried = await trx
      .selectFrom('residents')
      .select('id')
      .where('phone_hash', '=', phoneHash)
      .executeTakeFirst();
    if (carried) continue;
    await trx
      .insertInto('residents')
      .values({
        id: newId(),
        tenant_id: household.tenant_id,
        household_id: household.id,
        name: user.display_name,
        name_pinyin: '',
        name_initials: '',
        gender: p.gender,
        birth_date: p.birthDate,
        id_number_enc: null,
        id_number_hash: null,
        id_number_masked: null,
        phone_enc: user.phone_enc,
        phone_hash: phoneHash,
        phone_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        created_at: context.now,
        updated_at: context.now,
      })
      .execute();
    made++;
  }
  return made;
}
