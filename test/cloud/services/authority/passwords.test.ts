import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { CloudError } from '../../../../cloud/errors/index.ts';
import { SCRYPT_COST, checkPasswordPolicy, hashPassword, verifyPassword } from '../../../../cloud/services/authority/index.ts';
import { cheapHash } from '../../operator-fixtures.ts';


const hashing = suite('hashPassword');

hashing('stores scrypt at OWASP cost self-describing, with a 16-byte salt and a 64-byte key, costing real CPU time', async () => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const stored = await hashPassword('a long enough passphrase');
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const [scheme, n, r, p, salt, key] = stored.split('$');
  assert.equal([scheme, Number(n), Number(r), Number(p)], ['scrypt', SCRYPT_COST.N, SCRYPT_COST.r, SCRYPT_COST.p]);
  assert.equal([SCRYPT_COST.N, SCRYPT_COST.r, SCRYPT_COST.p], [2 ** 17, 8, 1]);
  assert.is(Buffer.from(salt!, 'base64url').length, 16);
  assert.is(Buffer.from(key!, 'base64url').length, 64);
  // A lower bound only: the wall time on a shared machine says little, but a hash this cheap would mean the cost was lost.
  assert.ok(cpuMs > 50, `hash took ${cpuMs.toFixed(0)} ms of CPU`);
  console.log(`    scrypt N=2^17 r=8 p=1: ${cpuMs.toFixed(0)} ms CPU, ${(performance.now() - started).toFixed(0)} ms wall per hash`);
  assert.ok(await verifyPassword('a long enough passphrase', stored));
});

hashing('two hashes of the same password differ (random salt)', () => {
  assert.is.not(cheapHash('same password here'), cheapHash('same password here'));
});

hashing.run();

const verifying = suite('verifyPassword');

verifying('accepts exactly the password a hash was made from, at the cost written in the hash', async () => {
  await fc.assert(fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
    const stored = cheapHash(password);
    assert.ok(await verifyPassword(password, stored));
    if (other.normalize('NFKC') !== password.normalize('NFKC')) assert.not.ok(await verifyPassword(other, stored));
  }), { numRuns: 15 });
});

verifying('never matches a malformed or foreign stored value', async () => {
  const good = cheapHash('password one two');
  const parts = good.split('$');
  for (const stored of ['', 'bcrypt$x', good.replace('scrypt', 'argon2'), [...parts.slice(0, 5), 'AAAA'].join('$'), ['scrypt', 0, 8, 1, parts[4], parts[5]].join('$'), ['scrypt', 2 ** 22, 8, 1, parts[4], parts[5]].join('$')]) {
    assert.not.ok(await verifyPassword('password one two', stored), stored);
  }
});

verifying.run();

const policy = suite('checkPasswordPolicy');

policy('refuses fewer than 12 characters and the email address itself, in any case', () => {
  const code = (fn: () => void) => { try { fn(); return 'ok'; } catch (e) { return (e as CloudError).code; } };
  assert.is(code(() => checkPasswordPolicy('short pass', 'a@example.test')), 'password_weak');
  assert.is(code(() => checkPasswordPolicy('Admin@Example.test', 'admin@example.test')), 'password_weak');
  assert.is(code(() => checkPasswordPolicy('x'.repeat(257), 'a@example.test')), 'password_weak');
  assert.is(code(() => checkPasswordPolicy('twelve chars', 'a@example.test')), 'ok');
});

policy.run();
