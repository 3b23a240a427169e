import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { crc16 } from '../../../shared/bytes/index.ts';
import { CHUNK_FIRST, CHUNK_LAST, ERR, Reassembler, isProtocolError, splitMessage } from '../../../shared/protocol/index.ts';
import type { PushResult } from '../../../shared/protocol/index.ts';

function feed(reassembler: Reassembler, chunks: Uint8Array[], nowMs = 0): PushResult[] {
  return chunks.map((chunk) => reassembler.push(chunk, nowMs));
}

const split = suite('splitMessage');

split('puts length and CRC around the message in 20-byte chunks by default', () => {
  const message = new Uint8Array(40).map((_, i) => i);
  const chunks = splitMessage(message);
  assert.equal(chunks.map((c) => c.length), [20, 20, 7]);
  assert.equal(chunks.map((c) => c[0]), [CHUNK_FIRST | 0, 1, CHUNK_LAST | 2]);
  assert.equal(Array.from(chunks[0]!.subarray(1, 3)), [0, 40]);
  const crc = crc16(message);
  assert.equal(Array.from(chunks[2]!.subarray(5)), [crc >> 8, crc & 255]);
});

split('marks a message that fits one chunk FIRST and LAST', () => {
  const chunks = splitMessage(new Uint8Array([1, 0x0f, 9, 0, 0]));
  assert.is(chunks.length, 1);
  assert.is(chunks[0]![0], CHUNK_FIRST | CHUNK_LAST);
});

split('wraps the sequence number after 63', () => {
  const chunks = splitMessage(new Uint8Array(600), 8);
  assert.is(chunks[64]![0]! & 63, 0);
  assert.is(chunks[65]![0]! & 63, 1);
});

split('throws for a chunk size outside 8..244 or an empty message', () => {
  assert.throws(() => splitMessage(new Uint8Array(4), 7), (e: unknown) => isProtocolError(e) && e.code === ERR.BAD_FIELD);
  assert.throws(() => splitMessage(new Uint8Array(4), 245), isProtocolError);
  assert.throws(() => splitMessage(new Uint8Array(0)), (e: unknown) => isProtocolError(e) && e.code === ERR.FRAME_TOO_LONG);
});

split.run();

const reassembler = suite('Reassembler');

reassembler('rebuilds any message split at any chunk size 8..244', () => {
  fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.integer({ min: 8, max: 244 }), (message, size) => {
    const results = feed(new Reassembler(), splitMessage(message, size));
    results.slice(0, -1).forEach((r) => assert.equal(r, { state: 'partial' }));
    assert.equal(results[results.length - 1], { state: 'message', message });
  }), { numRuns: 300 });
});

reassembler('rebuilds messages back to back at BLE chunk sizes 20..50', () => {
  fc.assert(fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 20, max: 50 }), (messages, size) => {
    const r = new Reassembler();
    for (const message of messages) {
      const results = feed(r, splitMessage(message, size));
      assert.equal(results[results.length - 1], { state: 'message', message });
    }
  }), { numRuns: 200 });
});

reassembler('never throws on random chunks and answers only framing errors', () => {
  const framing = [ERR.FRAME_GAP, ERR.FRAME_DUPLICATE, ERR.FRAME_OVERRUN, ERR.FRAME_BAD_CRC, ERR.FRAME_STALE, ERR.FRAME_TOO_LONG, ERR.FRAME_NO_START, ERR.FRAME_BAD_CHUNK];
  fc.assert(fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 50 }), fc.nat(5000))), (pushes) => {
    const r = new Reassembler();
    let ms = 0;
    for (const [chunk, step] of pushes) {
      ms += step;
      const result = r.push(chunk, ms);
      if (result.state === 'error') assert.ok(framing.includes(result.code as never));
    }
  }), { numRuns: 1000 });
});

reassembler('refuses a declared length over its maximum', () => {
  const r = new Reassembler({ maxLength: 100 });
  assert.equal(r.push(splitMessage(new Uint8Array(101))[0]!, 0), { state: 'error', code: ERR.FRAME_TOO_LONG });
  assert.equal(new Reassembler({ maxLength: 101 }).push(splitMessage(new Uint8Array(101))[0]!, 0), { state: 'partial' });
});

reassembler('drops a partial message idle longer than staleMs and accepts one just in time', () => {
  const chunks = splitMessage(new Uint8Array(30));
  const r = new Reassembler({ staleMs: 100 });
  r.push(chunks[0]!, 0);
  assert.equal(r.push(chunks[1]!, 100), { state: 'message', message: new Uint8Array(30) });
  r.push(chunks[0]!, 200);
  assert.equal(r.push(chunks[1]!, 301), { state: 'error', code: ERR.FRAME_STALE });
});

reassembler('forgets the partial message on reset()', () => {
  const chunks = splitMessage(new Uint8Array(30));
  const r = new Reassembler();
  r.push(chunks[0]!, 0);
  r.reset();
  assert.equal(r.push(chunks[1]!, 0), { state: 'error', code: ERR.FRAME_NO_START });
});

reassembler('refuses an empty chunk, a FIRST without a length, a zero length and a bare continuation', () => {
  const r = new Reassembler();
  assert.equal(r.push(new Uint8Array(0), 0), { state: 'error', code: ERR.FRAME_NO_START });
  assert.equal(r.push(new Uint8Array([CHUNK_FIRST, 0]), 0), { state: 'error', code: ERR.FRAME_BAD_CHUNK });
  assert.equal(r.push(new Uint8Array([CHUNK_FIRST, 0, 0, 1]), 0), { state: 'error', code: ERR.FRAME_BAD_CHUNK });
  r.push(splitMessage(new Uint8Array(30))[0]!, 0);
  assert.equal(r.push(new Uint8Array([1]), 0), { state: 'error', code: ERR.FRAME_BAD_CHUNK });
});

reassembler('refuses a chunk that completes the message without LAST', () => {
  const chunks = splitMessage(new Uint8Array(30));
  const last = chunks[1]!.slice();
  last[0] = 1;
  const r = new Reassembler();
  r.push(chunks[0]!, 0);
  assert.equal(r.push(last, 0), { state: 'error', code: ERR.FRAME_BAD_CHUNK });
});

reassembler.run();
