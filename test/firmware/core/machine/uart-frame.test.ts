import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { crc16 } from '../../../../shared/bytes/index.ts';
import { ETX, FRAME, STX, encodeFrame, takeFrame, type UartFrame } from '../../../../firmware/src/core/machine/index.ts';

const encode = suite('encodeFrame');

encode('lays out STX, length, type, body, CRC-16 over length to body, ETX', () => {
  const frame = encodeFrame(FRAME.ACK, new Uint8Array([0xaa, 0xbb]));
  const crc = crc16(new Uint8Array([3, FRAME.ACK, 0xaa, 0xbb]));
  assert.equal([...frame], [STX, 3, FRAME.ACK, 0xaa, 0xbb, crc >> 8, crc & 0xff, ETX]);
});

encode.run();

const take = suite('takeFrame');
const body = fc.uint8Array({ minLength: 0, maxLength: 31 });

take('reads back what encodeFrame wrote, with its size', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 255 }), body, (type, bytes) => {
    const frame = takeFrame(encodeFrame(type, bytes)) as UartFrame;
    assert.is(frame.type, type);
    assert.equal([...frame.body], [...bytes]);
    assert.is(frame.size, bytes.length + 6);
  }));
});

take('asks for more bytes (0) while a frame is incomplete', () => {
  fc.assert(fc.property(body, (bytes) => {
    const whole = encodeFrame(FRAME.VEND, bytes);
    for (let cut = 0; cut < whole.length; cut++) assert.is(takeFrame(whole.subarray(0, cut)), 0);
  }));
});

take('finds a frame after any noise by dropping bytes one at a time', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), body, (noise, bytes) => {
    let buf = new Uint8Array([...noise, ...encodeFrame(FRAME.NAK, bytes)]);
    for (let guard = 0; guard < 200; guard++) {
      const result = takeFrame(buf);
      if (typeof result !== 'number') {
        // Noise may itself hold a valid frame; the real one must still follow it.
        if (result.type === FRAME.NAK && result.size === buf.length) return;
        buf = buf.subarray(result.size);
      } else {
        assert.ok(result > 0, 'never waits while a whole frame is buffered');
        buf = buf.subarray(result);
      }
    }
    assert.unreachable('frame not found');
  }));
});

take('drops a frame whose CRC, ETX or length is wrong', () => {
  const good = encodeFrame(FRAME.ACK, new Uint8Array(9));
  const badCrc = new Uint8Array(good);
  badCrc[5] = badCrc[5]! ^ 1;
  const badEtx = new Uint8Array(good);
  badEtx[badEtx.length - 1] = 0;
  assert.is(takeFrame(badCrc), 1);
  assert.is(takeFrame(badEtx), 1);
  assert.is(takeFrame(new Uint8Array([STX, 0, 0, 0, 0])), 1);
  assert.is(takeFrame(new Uint8Array([STX, 200])), 1);
});

take.run();
