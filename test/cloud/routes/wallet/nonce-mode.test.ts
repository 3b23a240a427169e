import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { walletNonceMode } from '../../../../cloud/routes/wallet/index.ts';

const test = suite('walletNonceMode');
const PAY = 'pay_0123456789abcdef01234567';

test('holds only the read-only routes\' nonces in memory', () => {
  assert.is(walletNonceMode('POST', '/v1/wallet/resolve'), 'memory');
  assert.is(walletNonceMode('GET', `/v1/wallet/payments/${PAY}`), 'memory');
});

test('lets every writing route commit its nonce with its own writes', () => {
  for (const path of ['/v1/wallet/challenges', '/v1/wallet/sessions', '/v1/wallet/payments', `/v1/wallet/payments/${PAY}/receipt`,
    `/v1/wallet/payments/${PAY}/cancel`, `/v1/wallet/payments/${PAY}/reseal`, '/v1/wallet/boxes/0123456789abcdef/log']) {
    assert.is(walletNonceMode('POST', path), 'with-writes', path);
  }
});

test('commits the nonce first for any other method or path', () => {
  assert.is(walletNonceMode('GET', '/v1/wallet/resolve'), 'before');
  assert.is(walletNonceMode('PUT', '/v1/wallet/payments'), 'before');
  assert.is(walletNonceMode('POST', '/v1/wallet/unknown'), 'before');
  assert.is(walletNonceMode('POST', '/v1/wallet/resolve/'), 'before');
});

test.run();
