import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concatBytes } from '../../../../shared/bytes/concat.ts';
import { fromHex, toHex } from '../../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { KIND, LABEL, MSG, Reassembler, decodeMessage, encodeMessage, sealTelegram, signTag, splitMessage } from '../../../../shared/protocol/index.ts';
import type { Fields } from '../../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../../shared/protocol/keys.ts';
import { board as puckjs } from '../../../../firmware/src/boards/puckjs/board.ts';
import { bundle, checkEs5, hoistFunctions, lowerToEs5, minifyForEspruino } from '../../../../tools/build/index.ts';
import { boxRun, countingCrypto } from './fixtures/box-run.ts';

// The session's ES5 bundle on a Linux build of the interpreter (make test-espruino ESPRUINO=/path/to/espruino):
// the same wallet chunks must make the box send the same bytes as in Node. Skipped without one.
const interpreter = process.env.ESPRUINO;
const entry = fileURLToPath(new URL('./fixtures/espruino-entry.ts', import.meta.url));
const keys = deriveBoxKeys(new Uint8Array(32).fill(7), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 1);

/** A whole wallet conversation against the Node box; returns the wallet's chunks and what the box sent. */
function transcript(): { inputs: string[]; sent: string[]; replies: number[] } {
  const run = boxRun(countingCrypto(nodeCrypto), keys);
  const inputs: string[] = [];
  const replies: number[] = [];
  const wallet = new Reassembler();
  let seen = 0;
  function ask(message: Uint8Array, chunkSize = 20): Fields {
    for (const chunk of splitMessage(message, chunkSize)) {
      inputs.push(toHex(chunk));
      run.session.receive(chunk);
    }
    let fields: Fields = {};
    for (; seen < run.sent.length; seen++) {
      const result = wallet.push(fromHex(run.sent[seen]!), 0);
      const decoded = result.state === 'message' ? decodeMessage(result.message) : undefined;
      if (decoded && decoded.ok) {
        replies.push(decoded.type === MSG.ERROR ? 0x100 + (decoded.fields.code as number) : decoded.type);
        fields = decoded.fields;
      }
    }
    return fields;
  }
  const hello = ask(encodeMessage(MSG.HELLO_REQUEST, { challenge: new Uint8Array(16).fill(3) }));
  const auth = encodeMessage(MSG.AUTH, { walletId: 42, rights: 1, validSeconds: 60, ticket: new Uint8Array(16) });
  ask(signTag(nodeCrypto, keys.macKey, LABEL.TICKET, concatBytes([keys.boxId, hello.boxNonce as Uint8Array]), auth, 2));
  const payment = { txnId: new Uint8Array(8).fill(9), issuedAt: 1, expiresAt: 0, walletId: 42, amount: 300, currency: 392, scenario: 2, outputIndex: 0, units: 1, sku: 0 };
  for (let i = 0; i < 2; i++) {
    const iv = ask(encodeMessage(MSG.IV_REQUEST, {})).iv as Uint8Array;
    ask(sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment));
  }
  const bad = sealTelegram(nodeCrypto, keys, ask(encodeMessage(MSG.IV_REQUEST, {})).iv as Uint8Array, KIND.PAYMENT, payment);
  bad[20]! ^= 1;
  ask(bad);
  const nonce = ask(encodeMessage(MSG.LOG_CHALLENGE_REQUEST, {})).nonce as Uint8Array;
  const read = encodeMessage(MSG.LOG_READ, { fromSeq: 3, count: 5, proof: new Uint8Array(16) });
  ask(signTag(nodeCrypto, keys.posKey, LABEL.POS, concatBytes([keys.boxId, nonce]), read, 2));
  ask(encodeMessage(MSG.INFO_REQUEST, {}), 50);
  ask(new Uint8Array([1, MSG.ERROR, 1, 0, 0]));
  return { inputs, sent: run.sent, replies };
}

/** A file that stores `code` as .bootcde and loads it, so function bodies run from Storage as on the box. */
function bootLoader(code: Buffer): string {
  let text = '';
  for (const byte of code) text += byte >= 32 && byte < 127 && byte !== 34 && byte !== 92 ? String.fromCharCode(byte) : '\\x' + byte.toString(16).padStart(2, '0');
  return 'require("Storage").write(".bootcde","' + text + '");\nload();\n';
}

function runEspruino(file: string, cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(interpreter!, [file], { cwd, timeout: 30_000 }, (err, stdout) => (err ? fail(err) : done(stdout)));
  });
}

const onEspruino = suite('createSession on Espruino');

onEspruino('the Node run answers HELLO, AUTH, two payments (OK, DUPLICATE), a bad MAC, a log read, INFO and UNEXPECTED', () => {
  assert.equal(transcript().replies, [
    MSG.HELLO, MSG.INFO, MSG.IV, MSG.RECEIPT, MSG.IV, MSG.RECEIPT, MSG.IV, 0x109, MSG.LOG_CHALLENGE, MSG.LOG_RECORDS, MSG.INFO, 0x116,
  ]);
});

onEspruino('the session bundles to ES5 that passes the Espruino checker', async () => {
  assert.equal(checkEs5(hoistFunctions(lowerToEs5(await bundle(entry)))), []);
});

const name = 'the pretokenised bundle, run from Storage, sends the same bytes as Node';
if (interpreter) {
  onEspruino(name, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waygo-session-'));
    try {
      const expected = transcript();
      const es5 = hoistFunctions(lowerToEs5(await bundle(entry)));
      const tokens = (await minifyForEspruino(es5, puckjs)).pretokenised;
      const data = 'var T=' + JSON.stringify({ keys: { boxId: toHex(keys.boxId), keyVersion: keys.keyVersion, encKey: toHex(keys.encKey), macKey: toHex(keys.macKey), posKey: toHex(keys.posKey) }, inputs: expected.inputs }) + ';\n';
      await writeFile(join(dir, 'loader.js'), bootLoader(Buffer.concat([Buffer.from(data), tokens])));
      const printed = await runEspruino('loader.js', dir);
      const line = printed.split('\n').find((l) => l.startsWith('RESULT '));
      assert.ok(line, printed.slice(-2000));
      const result = JSON.parse(line.slice(7)) as { sent: string[]; peak: number; total: number };
      assert.equal(result.sent, expected.sent);
      assert.ok(result.peak < result.total);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
} else {
  onEspruino.skip(name, () => undefined);
}

onEspruino.run();
