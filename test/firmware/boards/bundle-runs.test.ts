import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { crc16, concatBytes, utf8Encode } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import {
  ERR, FLAG, GATT, KIND, LABEL, MSG, RIGHT, Reassembler, STATUS, checkTag, decodeMessage, encodeKeyFile, encodeMessage,
  sealTelegram, signTag, splitMessage,
} from '../../../shared/protocol/index.ts';
import type { Fields } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards, buildBoard, buildTarget } from '../../../tools/build/index.ts';

// Runs each built ES5 bundle (not the TS sources) in a bare V8 context that holds only fakes of the Espruino
// globals it calls: pins, Storage with a provisioned key file, native crypto where the board has it, and an
// NRF stack whose characteristic the test writes chunks to, as a wallet would.

type Characteristic = { onWrite?: (event: { data: ArrayBuffer }) => void };

interface Fakes {
  writes: [string, number][];
  modes: [string, string][];
  logged: string[];
  drawn: string[];
  services?: Record<string, Record<string, Characteristic>>;
  serviceOptions?: { uart: boolean };
  handlers: Record<string, () => void>;
  notified: Uint8Array[];
  nativeCalls: string[];
}

const UNIX = 1_800_000_000;

function aes(decrypt: boolean, data: Uint8Array, key: Uint8Array, iv: Uint8Array): ArrayBuffer {
  const cipher = decrypt ? createDecipheriv('aes-256-cbc', key, iv) : createCipheriv('aes-256-cbc', key, iv);
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()])).buffer;
}

function espruinoFakes(fakes: Fakes, crypto: { aes: boolean; sha256: boolean }, keyFile: Uint8Array): Record<string, unknown> {
  // Native entries exist only where the board's firmware has them, so a bundle that calls a missing one fails.
  const native: Record<string, unknown> = {};
  if (crypto.sha256) native.SHA256 = (d: Uint8Array) => (fakes.nativeCalls.push('SHA256'), new Uint8Array(createHash('sha256').update(d).digest()).buffer);
  if (crypto.aes) {
    native.AES = {
      encrypt: (d: Uint8Array, k: Uint8Array, o: { iv: Uint8Array }) => (fakes.nativeCalls.push('AES'), aes(false, d, k, o.iv)),
      decrypt: (d: Uint8Array, k: Uint8Array, o: { iv: Uint8Array }) => (fakes.nativeCalls.push('AES'), aes(true, d, k, o.iv)),
    };
  }
  const modules: Record<string, unknown> = {
    Storage: { readArrayBuffer: (name: string) => (name === 'waygo.keys' ? new Uint8Array(keyFile).buffer : undefined) },
    crypto: native,
  };
  let seconds = 5;
  return {
    digitalWrite: (pin: string, value: number) => void fakes.writes.push([pin, value]),
    digitalRead: () => 0,
    pinMode: (pin: string, mode: string) => void fakes.modes.push([pin, mode]),
    console: { log: (line: string) => void fakes.logged.push(line) },
    g: { clear: () => undefined, flip: () => undefined, drawString: (text: string) => void fakes.drawn.push(text) },
    require: (name: string) => modules[name],
    E: { hwRand: () => randomBytes(4).readInt32LE(0) },
    getTime: () => (seconds += 0.05),
    setInterval: () => 1,
    clearInterval: () => undefined,
    NRF: {
      setServices: (services: Fakes['services'], options: { uart: boolean }) => {
        fakes.services = services;
        fakes.serviceOptions = options;
      },
      setAdvertising: () => undefined,
      updateServices: (update: Record<string, Record<string, { value: Uint8Array }>>) =>
        void fakes.notified.push(new Uint8Array(update[GATT.SERVICE]![GATT.BOX_TO_WALLET]!.value)),
      on: (event: string, handler: () => void) => void (fakes.handlers[event] = handler),
      disconnect: () => fakes.handlers.disconnect?.(),
    },
  };
}

/** The wallet's side of the link: writes a message in 20-byte chunks and reassembles the box's one reply. */
function ask(fakes: Fakes, request: Uint8Array): { type: number; fields: Fields } {
  const write = fakes.services![GATT.SERVICE]![GATT.WALLET_TO_BOX]!.onWrite!;
  fakes.notified.splice(0);
  for (const chunk of splitMessage(request, 20)) write({ data: new Uint8Array(chunk).buffer });
  const wallet = new Reassembler();
  for (const chunk of fakes.notified) {
    const pushed = wallet.push(chunk, 0);
    if (pushed.state === 'message') {
      const decoded = decodeMessage(pushed.message);
      if (!decoded.ok) throw new Error(`undecodable reply, code ${decoded.code}`);
      return { type: decoded.type, fields: decoded.fields };
    }
  }
  throw new Error('the box sent no reply');
}

const out = await mkdtemp(join(tmpdir(), 'waygo-bundle-run-'));
const bundle = suite('firmware bundle');
bundle.after(() => rm(out, { recursive: true, force: true }));

for (const board of boards) {
  bundle(`the ${board.id} bundle boots with outputs inactive, the REPL service off and its banner logged`, async () => {
    await buildBoard(buildTarget(board), out);
    const code = await readFile(join(out, board.id, 'firmware.js'), 'utf8');
    const fakes: Fakes = { writes: [], modes: [], logged: [], drawn: [], handlers: {}, notified: [], nativeCalls: [] };
    runInNewContext(code, espruinoFakes(fakes, board.crypto, new Uint8Array(0)), { filename: `${board.id}/firmware.js` });
    assert.equal(fakes.writes, board.pins.outputs.map((pin) => [pin, 0]));
    assert.equal(fakes.modes, board.pins.inputs.map((pin) => [pin, 'input_pulldown']));
    const banner = `WayGo ${firmwareVersion} ${board.id}`;
    assert.equal(fakes.logged, [`${banner} crc=${crc16(utf8Encode(banner)).toString(16).padStart(4, '0')}`]);
    assert.is(fakes.drawn.length, board.display === 'lcd' ? 3 : 0);
    assert.is(fakes.serviceOptions!.uart, false);
  });

  bundle(`the ${board.id} bundle proves its key, takes a ticket, sets its clock from a telegram and MACs the receipt`, async () => {
    const code = await readFile(join(out, board.id, 'firmware.js'), 'utf8');
    const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
    const fakes: Fakes = { writes: [], modes: [], logged: [], drawn: [], handlers: {}, notified: [], nativeCalls: [] };
    runInNewContext(code, espruinoFakes(fakes, board.crypto, encodeKeyFile(keys)), { filename: `${board.id}/firmware.js` });
    fakes.handlers.connect!();

    const challenge = nodeCrypto.randomBytes(16);
    const hello = ask(fakes, encodeMessage(MSG.HELLO_REQUEST, { challenge }));
    assert.is(hello.type, MSG.HELLO);
    assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.HELLO, challenge, encodeMessage(MSG.HELLO, hello.fields), 2));
    assert.is((hello.fields.flags as number) & (FLAG.ACTIVATED | FLAG.CLOCK_UNSET), FLAG.ACTIVATED | FLAG.CLOCK_UNSET);

    const context = concatBytes([keys.boxId, hello.fields.boxNonce as Uint8Array]);
    const auth = signTag(nodeCrypto, keys.macKey, LABEL.TICKET, context, encodeMessage(MSG.AUTH, {
      walletId: 7, rights: RIGHT.PAY | RIGHT.MANAGE, validSeconds: 60, ticket: new Uint8Array(16),
    }), 2);
    assert.is(ask(fakes, auth).type, MSG.INFO);

    const iv = ask(fakes, encodeMessage(MSG.IV_REQUEST, {})).fields.iv as Uint8Array;
    const txnId = nodeCrypto.randomBytes(8);
    const clock = sealTelegram(nodeCrypto, keys, iv, KIND.CLOCK, { txnId, issuedAt: UNIX, expiresAt: 0, time: UNIX });
    const receipt = ask(fakes, clock);
    assert.is(receipt.type, MSG.RECEIPT);
    assert.is(receipt.fields.status, STATUS.OK);
    assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), encodeMessage(MSG.RECEIPT, receipt.fields), 2));
    assert.is(ask(fakes, encodeMessage(MSG.INFO_REQUEST, {})).fields.clock, UNIX);

    assert.is(ask(fakes, clock).fields.code, ERR.NO_IV, 'a replayed telegram finds no IV');
    const used = new Set(fakes.nativeCalls);
    assert.equal([...used].sort(), [board.crypto.aes ? 'AES' : '', board.crypto.sha256 ? 'SHA256' : ''].filter(Boolean).sort());
  });
}

bundle.run();
