import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { readFileSync } from 'node:fs';
import { fromHex, toHex } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import {
  ADV_UNSET_EPOCHS, ADV_WINDOW_SECONDS, ERR, FLAG, advSecondsLeft, advWindow, advertisingId, advertisingIdentity,
  advertisingIdsFor, clockWindows, decodeAdvertising, encodeAdvertising, unsetWindows, type AdvWindow,
} from '../../../shared/protocol/index.ts';

const mac = nodeCrypto.hmacSha256;
const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
const unix = fc.integer({ min: 1, max: 0xffffffff });
// Flags as HELLO carries them, limited to what the advertisement carries: state bits 0..3 and the scenario.
const advFlags = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })).map(([s, n]) => s | (n << FLAG.SCENARIO_SHIFT));

const codec = suite('encodeAdvertising / decodeAdvertising');

codec('decodes exactly the flags and id it encoded, in 10 bytes', () => {
  fc.assert(fc.property(advFlags, fc.uint8Array({ minLength: 8, maxLength: 8 }), (flags, advId) => {
    const bytes = encodeAdvertising({ flags, advId });
    assert.is(bytes.length, 10);
    assert.equal(decodeAdvertising(bytes), { flags, advId });
  }));
});

codec('drops the HELLO flags the advertisement does not carry (install mode, fault, IV outstanding)', () => {
  const flags = FLAG.ACTIVATED | FLAG.INSTALL_MODE | FLAG.MACHINE_FAULT | FLAG.IV_OUTSTANDING | (6 << FLAG.SCENARIO_SHIFT);
  const decoded = decodeAdvertising(encodeAdvertising({ flags, advId: new Uint8Array(8) }));
  assert.is(typeof decoded === 'number' ? -1 : decoded.flags, FLAG.ACTIVATED | (6 << FLAG.SCENARIO_SHIFT));
});

codec('refuses another length or format with an error code, and never throws on random bytes', () => {
  const good = encodeAdvertising({ flags: 1, advId: new Uint8Array(8) });
  assert.is(decodeAdvertising(good.subarray(0, 9)), ERR.BAD_LENGTH);
  const other = new Uint8Array(good);
  other[0] = 2;
  assert.is(decodeAdvertising(other), ERR.BAD_VERSION);
  fc.assert(fc.property(fc.uint8Array({ maxLength: 31 }), (bytes) => { decodeAdvertising(bytes); }));
});

const ids = suite('advertisingId');

ids('differs between windows of one box and between boxes in one window', () => {
  fc.assert(fc.property(key, key, unix, (a, b, t) => {
    fc.pre(toHex(a) !== toHex(b));
    const now = advWindow(t, 0, 0);
    const next = advWindow(t + ADV_WINDOW_SECONDS, 0, 0);
    assert.is.not(toHex(advertisingId(mac, a, now)), toHex(advertisingId(mac, a, next)));
    assert.is.not(toHex(advertisingId(mac, a, now)), toHex(advertisingId(mac, b, now)));
  }));
});

ids('is the same all through one window, and the clock-unset id differs from the clock-set one of equal counter', () => {
  const a = new Uint8Array(32).fill(7);
  const w = 1_963_584 * ADV_WINDOW_SECONDS;
  assert.is(toHex(advertisingId(mac, a, advWindow(w, 0, 0))), toHex(advertisingId(mac, a, advWindow(w + ADV_WINDOW_SECONDS - 1, 0, 0))));
  assert.is.not(toHex(advertisingId(mac, a, { clockSet: true, counter: 4, epoch: 0 })), toHex(advertisingId(mac, a, { clockSet: false, counter: 4, epoch: 0 })));
});

ids('matches the golden vectors, recomputed here from the documented HMAC input', () => {
  const vectors = JSON.parse(readFileSync(new URL('../../vectors/advertising.json', import.meta.url), 'utf8'));
  const keysJson = JSON.parse(readFileSync(new URL('../../vectors/keys.json', import.meta.url), 'utf8'));
  const macKey = fromHex(keysJson.keys[0].macKey);
  for (const c of vectors.cases) {
    const w: AdvWindow = c.window;
    assert.equal(advWindow(c.unixNow, c.bootCount, c.uptimeSeconds), w);
    const input = new Uint8Array([...new TextEncoder().encode('WG1/adv'), w.clockSet ? 0 : 1, w.counter >>> 24, (w.counter >>> 16) & 255, (w.counter >>> 8) & 255, w.counter & 255, w.epoch]);
    assert.is(toHex(hmac(sha256, macKey, input).subarray(0, 8)), c.advId, c.name);
    assert.is(toHex(advertisingId(mac, macKey, w)), c.advId);
    assert.equal(advertisingIdentity(mac, macKey, w), { advId: fromHex(c.advId), address: c.address });
    assert.is(toHex(encodeAdvertising({ flags: c.flags, advId: fromHex(c.advId) })), c.manufacturerData);
  }
});

const address = suite('advertisingIdentity');

address('gives the id and a random static address in Espruino\'s form that changes with the window', () => {
  fc.assert(fc.property(key, unix, (k, t) => {
    const now = advertisingIdentity(mac, k, advWindow(t, 0, 0)).address;
    assert.match(now, /^[0-9a-f]{2}(:[0-9a-f]{2}){5} random$/);
    assert.is(parseInt(now.slice(0, 2), 16) >> 6, 3);
    assert.is.not(now, advertisingIdentity(mac, k, advWindow(t + ADV_WINDOW_SECONDS, 0, 0)).address);
  }));
});

const windows = suite('advWindow');

windows('counts wall-clock windows when the clock is set, and boot plus capped uptime windows when it is not', () => {
  assert.equal(advWindow(1800, 9, 99999), { clockSet: true, counter: 2, epoch: 0 });
  assert.equal(advWindow(0, 9, 0), { clockSet: false, counter: 9, epoch: 0 });
  assert.equal(advWindow(0, 9, ADV_WINDOW_SECONDS), { clockSet: false, counter: 9, epoch: 1 });
  assert.equal(advWindow(0, 9, 10 * 86400), { clockSet: false, counter: 9, epoch: ADV_UNSET_EPOCHS - 1 });
});

windows('advSecondsLeft counts down to the next window boundary', () => {
  assert.is(advSecondsLeft(1800, 5), ADV_WINDOW_SECONDS);
  assert.is(advSecondsLeft(1801, 5), ADV_WINDOW_SECONDS - 1);
  assert.is(advSecondsLeft(0, 5), ADV_WINDOW_SECONDS - 5);
});

const resolver = suite('advertisingIdsFor');
const boxes = Array.from({ length: 50 }, (_, i) => ({ macKey: sha256(new Uint8Array([i])) }));

resolver('finds the box behind a clock-set advertisement within one window of clock drift', () => {
  fc.assert(fc.property(fc.nat({ max: 49 }), unix, fc.integer({ min: -ADV_WINDOW_SECONDS, max: ADV_WINDOW_SECONDS }), (box, t, drift) => {
    fc.pre(t + drift > 0);
    const table = advertisingIdsFor(mac, boxes, clockWindows(t));
    const seen = advertisingId(mac, boxes[box]!.macKey, advWindow(t + drift, 0, 0));
    assert.is(table[toHex(seen)]?.box, box);
  }), { numRuns: 20 });
});

resolver('finds a box whose clock was lost, from its last known boot counter, and the flag says which table', () => {
  fc.assert(fc.property(fc.nat({ max: 49 }), fc.nat({ max: 1000 }), fc.integer({ min: 1, max: 2 }), fc.nat({ max: 86400 }), (box, lastBoot, ahead, uptime) => {
    const boxWindow = advWindow(0, lastBoot + ahead, uptime);
    const ad = decodeAdvertising(encodeAdvertising({ flags: FLAG.ACTIVATED | FLAG.CLOCK_UNSET, advId: advertisingId(mac, boxes[box]!.macKey, boxWindow) }));
    if (typeof ad === 'number') throw new Error('did not decode');
    assert.ok(ad.flags & FLAG.CLOCK_UNSET);
    const table = advertisingIdsFor(mac, boxes, unsetWindows(lastBoot));
    assert.equal(table[toHex(ad.advId)], { box, window: boxWindow });
    assert.is(advertisingIdsFor(mac, boxes, clockWindows(1_767_225_600))[toHex(ad.advId)], undefined);
  }), { numRuns: 20 });
});

codec.run();
ids.run();
address.run();
windows.run();
resolver.run();
