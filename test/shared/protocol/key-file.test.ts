import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { decodeKeyFile, encodeKeyFile } from '../../../shared/protocol/index.ts';

const keyFile = suite('key file');
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const anyKeys = fc.record({ boxId: bytes(8), keyVersion: fc.integer({ min: 0, max: 255 }), encKey: bytes(32), macKey: bytes(32), posKey: bytes(32) });

keyFile('decodes exactly the keys it encoded, for any keys', () => {
  fc.assert(fc.property(anyKeys, (keys) => {
    assert.equal(decodeKeyFile(encodeKeyFile(keys)), { ...keys });
  }));
});

keyFile('leaves the box unprovisioned for a missing, truncated or foreign-format file', () => {
  fc.assert(fc.property(anyKeys, (keys) => {
    const file = encodeKeyFile(keys);
    assert.is(decodeKeyFile(undefined), undefined);
    assert.is(decodeKeyFile(file.subarray(0, file.length - 1)), undefined);
    const foreign = new Uint8Array(file);
    foreign[0] = 2;
    assert.is(decodeKeyFile(foreign), undefined);
  }));
});

keyFile('never throws on random bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (random) => {
    decodeKeyFile(random);
  }));
});

keyFile.run();
