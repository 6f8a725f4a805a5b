import type { Session, TestContext } from './app.js';
import { phoneLogin } from './factories.js';
import { multipart, tinyPng } from './files.js';

// 百姓监督员's test furniture: residents registered in a household (with the phone they log in by),
// and a photo uploaded by a session.

let serial = 0;

/** Registers a resident in the household (by a community worker's session) and logs them in by phone code. */
export async function residentIn(ctx: TestContext, worker: Session, householdCode: string, name: string) {
  serial += 1;
  const phone = `1380044${String(serial).padStart(4, '0')}`;
  const registered = await worker.post('/api/v1/residents', { householdCode, name, phone, relation: 'head' });
  if (registered.status !== 201)
    throw new Error(`resident ${name}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const s = await phoneLogin(ctx, phone);
  const me = await s.get('/api/v1/me');
  return { session: s, phone, userId: me.body.user.id as string };
}

/** A 1×1 PNG uploaded by the session: its file id. */
export async function photoBy(s: Session) {
  const res = await s.request(
    'POST',
    '/api/v1/files',
    multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } }),
  );
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
