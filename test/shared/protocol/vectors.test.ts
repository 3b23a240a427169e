// Checks every golden vector in test/vectors against the implementation, and that the checked-in files are
// exactly what tools/vectors/generate.ts produces today.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHex, toHex } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import {
  ERR, Reassembler, checkTag, computeTag, decodeMessage, encodeMessage, openTelegram, sealTelegram, splitMessage,
} from '../../../shared/protocol/index.ts';
import type { BoxKeys, Fields } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const load = (name: string) => JSON.parse(readFileSync(join(root, 'test/vectors', name), 'utf8'));

type JsonFields = Record<string, number | string>;
const toFields = (json: JsonFields): Fields => {
  const out: Fields = {};
  for (const [name, value] of Object.entries(json)) out[name] = typeof value === 'string' ? fromHex(value) : value;
  return out;
};
const codeName = (code: number) => Object.keys(ERR).find((k) => ERR[k as keyof typeof ERR] === code);

const keyFile = load('keys.json');
const keySets: BoxKeys[] = keyFile.keys.map((k: { keyVersion: number }) => deriveBoxKeys(fromHex(keyFile.master), fromHex(keyFile.boxId), k.keyVersion));
const keys = keySets[0]!;

const golden = suite('golden vectors');

golden('derive the listed keys from the seeded master secret', () => {
  keyFile.keys.forEach((k: Record<string, string | number>, i: number) => {
    assert.is(toHex(keySets[i]!.encKey), k.encKey);
    assert.is(toHex(keySets[i]!.macKey), k.macKey);
    assert.is(toHex(keySets[i]!.posKey), k.posKey);
  });
});

golden('encode and decode every message exactly', () => {
  for (const v of load('messages.json') as { name: string; type: number; fields: JsonFields; hex: string }[]) {
    const fields = toFields(v.fields);
    assert.is(toHex(encodeMessage(v.type, fields)), v.hex, v.name);
    assert.equal(decodeMessage(fromHex(v.hex)), { ok: true, type: v.type, fields }, v.name);
  }
});

golden('reproduce and accept every proof', () => {
  for (const v of load('proofs.json') as { name: string; key: 'macKey' | 'posKey'; label: string; context: string; start: number; bytes: string; tag: string }[]) {
    const bytes = fromHex(v.bytes);
    assert.is(toHex(computeTag(nodeCrypto, keys[v.key], v.label, fromHex(v.context), bytes, v.start)), v.tag, v.name);
    assert.ok(checkTag(nodeCrypto, keys[v.key], v.label, fromHex(v.context), bytes, v.start), v.name);
  }
});

golden('seal and open every telegram kind exactly', () => {
  const file = load('telegrams.json');
  for (const v of file.telegrams as { name: string; kind: number; iv: string; fields: JsonFields; hex: string }[]) {
    const fields = toFields(v.fields);
    assert.is(toHex(sealTelegram(nodeCrypto, keys, fromHex(v.iv), v.kind, fields)), v.hex, v.name);
    const slot = { iv: fromHex(v.iv), expiresMs: file.opening.ivExpiresMs };
    assert.equal(openTelegram(nodeCrypto, keys, slot, fromHex(v.hex), file.opening.nowMs, file.opening.unixNow), { ok: true, kind: v.kind, fields }, v.name);
  }
});

golden('refuse every negative telegram with its listed code', () => {
  const file = load('telegrams-negative.json');
  for (const v of file.cases as { name: string; iv: string | null; attempts: { hex: string; nowMs: number; unixNow: number; expect: string }[] }[]) {
    const slot = { iv: v.iv === null ? undefined : fromHex(v.iv), expiresMs: file.opening.ivExpiresMs };
    for (const a of v.attempts) {
      const result = openTelegram(nodeCrypto, keys, slot, fromHex(a.hex), a.nowMs, a.unixNow);
      assert.is(result.ok ? 'OK' : codeName(result.code), a.expect, v.name);
    }
  }
});

golden('split every framing vector into the listed chunks and back', () => {
  for (const v of load('framing.json').splits as { name: string; chunkSize: number; message: string; chunks: string[] }[]) {
    assert.equal(splitMessage(fromHex(v.message), v.chunkSize).map(toHex), v.chunks, v.name);
    const r = new Reassembler();
    const results = v.chunks.map((c) => r.push(fromHex(c), 0));
    assert.equal(results[results.length - 1], { state: 'message', message: fromHex(v.message) }, v.name);
  }
});

golden('answer every chunk sequence with the listed states', () => {
  for (const v of load('framing.json').pushes as { name: string; pushes: { hex: string; ms: number; expect: string }[] }[]) {
    const r = new Reassembler();
    for (const p of v.pushes) {
      const result = r.push(fromHex(p.hex), p.ms);
      const seen = result.state === 'message' ? 'message:' + toHex(result.message) : result.state === 'error' ? codeName(result.code) : 'partial';
      assert.is(seen, p.expect, v.name);
    }
  }
});

golden.run();

const fresh = suite('generate.ts --check');

fresh('finds the checked-in vectors and doc tables identical to a fresh generation', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools/vectors/generate.ts'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.is(run.stdout + run.stderr, '');
  assert.is(run.status, 0);
});

fresh.run();
