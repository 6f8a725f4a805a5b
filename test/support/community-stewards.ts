import type { TestContext, Session } from './app.js';
import { phoneLogin } from './factories.js';

// 楼门管家's test furniture: residents registered in a household (with the phone they log in by) and
// their phone sessions.

let serial = 0;

/** Registers a resident in the household (by the community worker's session) and logs them in by phone code. */
export async function residentIn(ctx: TestContext, worker: Session, householdCode: string, name: string) {
  serial += 1;
  const phone = `1390000${String(serial).padStart(4, '0')}`;
  const registered = await worker.post('/api/v1/residents', { householdCode, name, phone, relation: 'head' });
  if (registered.status !== 201)
    throw new Error(`resident ${name}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const s = await phoneLogin(ctx, phone);
  const me = await s.get('/api/v1/me');
  return { session: s, phone, userId: me.body.user.id as string, residentId: registered.body.id as string };
}
