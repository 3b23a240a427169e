// Runs on the Espruino interpreter (bundled and lowered to ES5 by espruino.test.ts): checks the golden vectors
// with the box-side modules on Espruino's native SHA256 and AES, and prints one summary line.
import { fromHex, toHex } from '../../../shared/bytes/index.ts';
import { hmacFromSha256 } from '../../../shared/crypto/hmac.ts';
import { ERR } from '../../../shared/protocol/errors.ts';
import { Reassembler, splitMessage } from '../../../shared/protocol/framing.ts';
import { decodeMessage, encodeMessage } from '../../../shared/protocol/messages.ts';
import { openTelegram } from '../../../shared/protocol/open.ts';
import { checkTag } from '../../../shared/protocol/tags.ts';
import type { Crypto } from '../../../shared/crypto/types.ts';

interface Vectors {
  keys: { boxId: string; keys: { keyVersion: number; encKey: string; macKey: string; posKey: string }[] };
  telegrams: { opening: Opening; telegrams: { name: string; kind: number; iv: string; hex: string }[] };
  negative: { opening: Opening; cases: { name: string; iv: string | null; attempts: { hex: string; nowMs: number; unixNow: number; expect: string }[] }[] };
  messages: { name: string; hex: string }[];
  proofs: { name: string; key: string; label: string; context: string; start: number; bytes: string }[];
  framing: { splits: { name: string; chunkSize: number; message: string; chunks: string[] }[]; pushes: { name: string; pushes: { hex: string; ms: number; expect: string }[] }[] };
}
interface Opening { ivExpiresMs: number; nowMs: number; unixNow: number }
interface EspruinoCrypto {
  SHA256(data: Uint8Array): ArrayBuffer;
  AES: { encrypt(data: Uint8Array, key: Uint8Array, options: object): ArrayBuffer; decrypt(data: Uint8Array, key: Uint8Array, options: object): ArrayBuffer };
}
declare const VECTORS: Vectors;
declare const print: (text: string) => void;

const native = (global as unknown as { require(name: string): EspruinoCrypto }).require('crypto');
const sha256 = (data: Uint8Array) => new Uint8Array(native.SHA256(data));
const crypto: Crypto = {
  sha256,
  hmacSha256: hmacFromSha256(sha256),
  aes256CbcEncrypt: (key, iv, data) => new Uint8Array(native.AES.encrypt(data, key, { mode: 'CBC', iv })),
  aes256CbcDecrypt: (key, iv, data) => new Uint8Array(native.AES.decrypt(data, key, { mode: 'CBC', iv })),
  randomBytes: (length) => new Uint8Array(length),
};
const k = VECTORS.keys.keys[0]!;
const keys = { boxId: fromHex(VECTORS.keys.boxId), keyVersion: k.keyVersion, encKey: fromHex(k.encKey), macKey: fromHex(k.macKey), posKey: fromHex(k.posKey) };
const codeNames: { [code: number]: string } = {};
for (const name of Object.keys(ERR)) codeNames[ERR[name as keyof typeof ERR]] = name;
let passed = 0;
let failed = 0;

function check(ok: boolean, what: string): void {
  if (ok) passed++;
  else {
    failed++;
    print('FAIL ' + what);
  }
}

const t = VECTORS.telegrams;
for (const v of t.telegrams) {
  const result = openTelegram(crypto, keys, { iv: fromHex(v.iv), expiresMs: t.opening.ivExpiresMs }, fromHex(v.hex), t.opening.nowMs, t.opening.unixNow);
  check(result.ok && result.kind === v.kind, 'telegram ' + v.name);
}
for (const v of VECTORS.negative.cases) {
  const slot = { iv: v.iv === null ? undefined : fromHex(v.iv), expiresMs: VECTORS.negative.opening.ivExpiresMs };
  for (const a of v.attempts) {
    const result = openTelegram(crypto, keys, slot, fromHex(a.hex), a.nowMs, a.unixNow);
    check((result.ok ? 'OK' : codeNames[result.code]) === a.expect, 'negative ' + v.name);
  }
}
for (const v of VECTORS.messages) {
  const result = decodeMessage(fromHex(v.hex));
  check(result.ok && toHex(encodeMessage(result.type, result.fields)) === v.hex, 'message ' + v.name);
}
for (const v of VECTORS.proofs) {
  check(checkTag(crypto, v.key === 'posKey' ? keys.posKey : keys.macKey, v.label, fromHex(v.context), fromHex(v.bytes), v.start), 'proof ' + v.name);
}
for (const v of VECTORS.framing.splits) {
  const chunks = splitMessage(fromHex(v.message), v.chunkSize);
  check(chunks.map(toHex).join() === v.chunks.join(), 'split ' + v.name);
  const reassembler = new Reassembler();
  let seen = '';
  for (const chunk of chunks) {
    const result = reassembler.push(chunk, 0);
    seen = result.state === 'message' ? toHex(result.message) : result.state;
  }
  check(seen === v.message, 'reassemble ' + v.name);
}
for (const v of VECTORS.framing.pushes) {
  const reassembler = new Reassembler();
  for (const p of v.pushes) {
    const result = reassembler.push(fromHex(p.hex), p.ms);
    const seen = result.state === 'message' ? 'message:' + toHex(result.message) : result.state === 'error' ? codeNames[result.code] : 'partial';
    check(seen === p.expect, 'push ' + v.name);
  }
}
print('espruino: ' + passed + ' passed, ' + failed + ' failed');
