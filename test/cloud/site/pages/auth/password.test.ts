import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createPlatformAdmin, startSession } from '../../../../../cloud/services/authority/index.ts';
import { okPage } from '../../page-checks.ts';
import { siteWorld } from '../../site-world.ts';

const world = siteWorld();
const password = 'correct horse battery staple';

const change = suite('password page');

change('changes the own password only with the current one, keeping this session', async () => {
  const admin = await createPlatformAdmin(world.db, { email: 'pw@example.test', password }, world.now());
  const session = startSession(world.db, admin.id, world.now());
  const cookie = `waygo_session=${session.token}`;
  await okPage(await world.app.request('/admin/password', { headers: { cookie } }));
  const post = (currentPassword: string) => world.app.request('/admin/password', {
    method: 'POST', body: new URLSearchParams({ _csrf: session.csrfToken, currentPassword, newPassword: 'a much newer passphrase' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
  const wrong = await post('not the password');
  assert.is(wrong.status, 422);
  assert.match(await wrong.text(), '<a href="#f-currentPassword">');
  const right = await post(password);
  assert.is(right.status, 303);
  assert.is(right.headers.get('location'), '/admin/password?done=1');
  assert.is((await world.app.request('/admin', { headers: { cookie } })).status, 200);
});

change.after(() => world.cleanup());
change.run();
