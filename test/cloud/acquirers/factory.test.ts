import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAcquirer, parseAcquirerConfig } from '../../../cloud/acquirers/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';

const factory = suite('createAcquirer');

factory('builds the simulator from { kind: "simulator" }', () => {
  assert.is(createAcquirer({ kind: 'simulator' }).name, 'simulator');
});

factory('builds the http acquirer, with verifyCallback, from a complete http config', () => {
  const acquirer = createAcquirer({ kind: 'http', name: 'gw', baseUrl: 'https://gateway.example/v1/', secret: 'x'.repeat(32), merchant: 'acct_1' });
  assert.is(acquirer.name, 'gw');
  assert.type(acquirer.verifyCallback, 'function');
});

factory.run();

const parse = suite('parseAcquirerConfig');

parse('fills the http defaults', () => {
  const config = parseAcquirerConfig({ kind: 'http', baseUrl: 'http://127.0.0.1:9/', secret: 's'.repeat(16), merchant: 'a' });
  assert.equal(config.kind === 'http' && [config.timeoutMs, config.maxAttempts, config.callbackToleranceS], [10_000, 3, 300]);
});

parse('names every bad field and never echoes the secret', () => {
  try {
    parseAcquirerConfig({ kind: 'http', baseUrl: 'ftp://x', secret: 'short-secret', merchant: '', timeoutMs: -1 });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, CloudError);
    const { code, message } = err as CloudError;
    assert.is(code, 'acquirer_config_invalid');
    for (const field of ['baseUrl', 'secret', 'merchant', 'timeoutMs']) assert.match(message, field);
    assert.not.match(message, 'short-secret');
  }
});

parse('refuses an unknown kind and unknown keys', () => {
  assert.throws(() => parseAcquirerConfig({ kind: 'bank' }), (err: CloudError) => err.code === 'acquirer_config_invalid');
  assert.throws(() => parseAcquirerConfig({ kind: 'simulator', extra: 1 }), (err: CloudError) => err.code === 'acquirer_config_invalid');
});

parse.run();
