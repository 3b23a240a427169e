import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { bodyDigest, requestSignature } from '../../../cloud/middleware/wallet-signature/index.ts';
import { requestBoundChallenge as cloudChallenge } from '../../../cloud/services/sessions/index.ts';
import { toHex } from '../../../shared/bytes/index.ts';
import { fromBase64Url, requestBoundChallenge, signRequest } from '../../../sdk/index.ts';

const signing = suite('signRequest');

signing('the SDK signs exactly what the cloud verifies, for any method, path, body and nonce', () => {
  fc.assert(fc.property(
    fc.constantFrom('GET', 'POST'), fc.webPath(), fc.string(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 0, max: 2 ** 31 }),
    (method, path, body, key, timestamp) => {
      const nonce = 'n'.repeat(16);
      const headers = signRequest(key, 'wa_test', { method, path, body, timestamp, nonce });
      const digest = bodyDigest(body);
      assert.is(headers['waygo-content-sha256'], digest);
      assert.is(headers['waygo-signature'], requestSignature(key, { method, path, timestamp: String(timestamp), nonce, digest }));
    },
  ), { numRuns: 200 });
});

signing('the headers carry the key id but never the key', () => {
  const key = new Uint8Array(randomBytes(32));
  const headers = signRequest(key, 'wa_x', { method: 'POST', path: '/v1/wallet/payments', body: '{}', timestamp: 1, nonce: 'abcdefabcdefabcdef' });
  const all = Object.values(headers).join(' ');
  assert.not.ok(all.includes(toHex(key)));
  assert.not.ok(all.includes(Buffer.from(key).toString('base64url')));
});

signing.run();

const base64 = suite('fromBase64Url');

base64('decodes what Node encodes as base64url, for any bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
    assert.equal(fromBase64Url(Buffer.from(bytes).toString('base64url')), new Uint8Array(bytes));
  }));
});

base64('refuses characters outside the alphabet', () => {
  assert.throws(() => fromBase64Url('ab$d'), /base64url/);
});

base64.run();

const challenge = suite('requestBoundChallenge');

challenge('the wallet and the cloud derive the same 16 bytes from key id, timestamp and nonce', () => {
  fc.assert(fc.property(fc.stringMatching(/^wa_[a-z0-9]{4,20}$/), fc.integer({ min: 0, max: 2 ** 33 }), fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), (keyId, timestamp, nonce) => {
    const ours = requestBoundChallenge(keyId, { timestamp, nonce });
    assert.is(ours.length, 16);
    assert.is(toHex(ours), cloudChallenge(keyId, String(timestamp), nonce));
  }));
});

challenge('another nonce or another app gives another challenge', () => {
  const a = toHex(requestBoundChallenge('wa_a', { timestamp: 1, nonce: 'x'.repeat(16) }));
  assert.is.not(a, toHex(requestBoundChallenge('wa_a', { timestamp: 1, nonce: 'y'.repeat(16) })));
  assert.is.not(a, toHex(requestBoundChallenge('wa_b', { timestamp: 1, nonce: 'x'.repeat(16) })));
});

challenge.run();
