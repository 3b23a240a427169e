import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  WAYGO_ACCOUNT_ID, attachSignature, decode, encode, findBoxId, readSignature, signedBytes, wayGoAccount,
  type EmvInput,
} from '../../../shared/emv/index.ts';
import { toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import * as s from './samples.ts';
import { codeOf } from './error-code.ts';

// A fixed test key generated for these tests only; never a production key.
const KEY = utf8Encode('waygo-emv-signature-test-key-0001');
const mac = (bytes: Uint8Array) => hmac(sha256, KEY, bytes);

const sticker: EmvInput = {
  pointOfInitiation: 'static',
  merchantAccountInformation: { [WAYGO_ACCOUNT_ID]: wayGoAccount('PUCK-7F3A'), 29: { '00': 'A000000677010111', '01': '0066812345678' } },
  mcc: '7211', currency: '764', country: 'TH', merchantName: 'WASH 24', merchantCity: 'CHIANG MAI',
};

function sign(payload: string): string {
  return attachSignature(payload, 'k1', mac(signedBytes(payload)));
}

const account = suite('wayGoAccount');

account('builds the merchant account template that findBoxId reads back from a decoded payload', () => {
  assert.equal(wayGoAccount('PUCK-7F3A'), { '00': 'com.waygo', '01': 'PUCK-7F3A' });
  assert.is(findBoxId(decode(encode(sticker), { strict: true })), 'PUCK-7F3A');
  assert.is(findBoxId(decode(s.PIX_STATIC)), undefined);
});

account.run();

const signed = suite('signedBytes');

signed('covers the payload without the CRC object when unsigned', () => {
  const p = encode(sticker);
  assert.equal(signedBytes(p), utf8Encode(p.slice(0, -8)));
});

signed('is the same before and after the signature template is attached', () => {
  const p = encode(sticker);
  assert.equal(signedBytes(sign(p)), signedBytes(p));
});

signed('rejects a payload with a bad CRC before computing anything', () => {
  assert.is(codeOf(() => signedBytes(s.QRIS_BAD_CRC)), 'crc_mismatch');
});

signed.run();

const attach = suite('attachSignature');

attach('adds template 90 with the GUID, key id and a 16-byte hex MAC before a fresh CRC', () => {
  const p = sign(encode(sticker));
  const d = decode(p, { strict: true });
  const t = d.otherTags!['90'] as Record<string, string>;
  assert.is(t['00'], 'com.waygo.sig');
  assert.is(t['01'], 'k1');
  assert.is(t['02'], toHex(mac(signedBytes(p)).subarray(0, 16)).toUpperCase());
  assert.match(p, /90590013com\.waygo\.sig0102k10232[0-9A-F]{32}6304[0-9A-F]{4}$/);
});

attach('refuses to sign twice, a short MAC and a template ID outside 80-99', () => {
  const p = sign(encode(sticker));
  assert.is(codeOf(() => attachSignature(p, 'k1', new Uint8Array(32))), 'duplicate_id');
  assert.is(codeOf(() => attachSignature(encode(sticker), 'k1', new Uint8Array(8))), 'bad_input');
  assert.is(codeOf(() => attachSignature(encode(sticker), 'k1', new Uint8Array(32), '64')), 'bad_id');
  assert.is(codeOf(() => attachSignature(encode(sticker), 'k'.repeat(60), new Uint8Array(32))), 'too_long');
});

attach.run();

const read = suite('readSignature');

read('verifies with the key, and exposes a sticker whose box id or merchant was changed', () => {
  const genuine = sign(encode(sticker));
  const sig = readSignature(genuine)!;
  assert.is(sig.keyId, 'k1');
  assert.is(sig.mac, toHex(mac(sig.signed).subarray(0, 16)).toUpperCase());
  const forged = encode({ ...sticker, merchantAccountInformation: { ...sticker.merchantAccountInformation, 29: { '00': 'A000000677010111', '01': '0066899999999' } } });
  const copied = attachSignature(forged, 'k1', mac(signedBytes(genuine)));
  const forgedSig = readSignature(copied)!;
  assert.is.not(forgedSig.mac, toHex(mac(forgedSig.signed).subarray(0, 16)).toUpperCase());
});

read('returns undefined for unsigned and national payloads', () => {
  assert.is(readSignature(encode(sticker)), undefined);
  assert.is(readSignature(s.EMVCO), undefined);
});

read('finds a signature wherever it sits in 80-99 and however sticker content varies', () => {
  fc.assert(fc.property(fc.integer({ min: 80, max: 99 }), fc.stringMatching(/^[A-Z0-9-]{1,20}$/), (id, box) => {
    const p = encode({ ...sticker, merchantAccountInformation: { [WAYGO_ACCOUNT_ID]: wayGoAccount(box) } });
    const signedPayload = attachSignature(p, 'k2', mac(signedBytes(p)), String(id));
    const sig = readSignature(signedPayload)!;
    assert.is(sig.mac, toHex(mac(sig.signed).subarray(0, 16)).toUpperCase());
    assert.equal(sig.signed, utf8Encode(p.slice(0, -8)));
  }), { numRuns: 200 });
});

read.run();
