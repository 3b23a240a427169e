import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignatureHeader } from '../../../cloud/webhooks/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';

const secret = 'whsec_test_0123456789abcdef';
const T = 1_700_000_000;

function code(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (err) {
    if (err instanceof CloudError) return err.code;
    throw err;
  }
}

const sign = suite('signatureHeader');

sign('is t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>', () => {
  const body = '{"id":"evt_1"}';
  const mac = createHmac('sha256', secret).update(`${T}.${body}`).digest('hex');
  assert.is(signatureHeader(secret, body, T), `t=${T},v1=${mac}`);
});

sign.run();

const verify = suite('verifySignatureHeader');

verify('accepts any body it signed, as string or bytes, and returns the timestamp', () => {
  fc.assert(fc.property(fc.string(), fc.integer({ min: 0, max: 300 }), (body, skew) => {
    const header = signatureHeader(secret, body, T);
    assert.is(verifySignatureHeader(secret, body, header, { nowS: T + skew }), T);
    assert.is(verifySignatureHeader(secret, new TextEncoder().encode(body), header, { nowS: T - skew }), T);
  }), { numRuns: 100 });
});

verify('refuses a changed body, another secret or a moved timestamp as signature_mismatch', () => {
  const header = signatureHeader(secret, 'a', T);
  assert.is(code(() => verifySignatureHeader(secret, 'b', header, { nowS: T })), 'signature_mismatch');
  assert.is(code(() => verifySignatureHeader('other', 'a', header, { nowS: T })), 'signature_mismatch');
  assert.is(code(() => verifySignatureHeader(secret, 'a', header.replace(`t=${T}`, `t=${T + 1}`), { nowS: T })), 'signature_mismatch');
});

verify('refuses a timestamp outside the tolerance either way as signature_stale', () => {
  const header = signatureHeader(secret, 'a', T);
  assert.is(code(() => verifySignatureHeader(secret, 'a', header, { nowS: T + 301 })), 'signature_stale');
  assert.is(code(() => verifySignatureHeader(secret, 'a', header, { nowS: T - 301 })), 'signature_stale');
  assert.is(code(() => verifySignatureHeader(secret, 'a', header, { nowS: T + 20, toleranceS: 10 })), 'signature_stale');
});

verify('accepts a header carrying the old and the new signature during a secret rotation', () => {
  const header = `${signatureHeader('old-secret', 'a', T)},v1=${signatureHeader(secret, 'a', T).split('v1=')[1]}`;
  assert.is(verifySignatureHeader(secret, 'a', header, { nowS: T }), T);
});

verify('tells a missing header from a malformed one', () => {
  assert.is(code(() => verifySignatureHeader(secret, 'a', undefined)), 'signature_missing');
  for (const bad of ['v1=abc', `t=${T}`, `t=x,v1=${'0'.repeat(64)}`, 'garbage']) {
    assert.is(code(() => verifySignatureHeader(secret, 'a', bad, { nowS: T })), 'signature_malformed', bad);
  }
});

verify('never throws anything but a CloudError for any header text', () => {
  fc.assert(fc.property(fc.string(), (header) => {
    assert.is.not(code(() => verifySignatureHeader(secret, 'a', header, { nowS: T })), 'none');
  }));
});

verify.run();
