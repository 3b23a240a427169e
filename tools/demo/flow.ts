// One payment's cryptographic path, with the cloud, the wallet and the box each holding only what they hold in
// the field: the cloud the master secret, the box its three derived keys, the wallet neither.
import { randomBytes } from 'node:crypto';
import { toHex } from '../../shared/bytes/index.ts';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import {
  ERR, FLAG, KIND, LABEL, MSG, RIGHT, Reassembler, SCENARIO, STATUS, checkTag, decodeMessage, emptyIvSlot, encodeMessage,
  issueIv, openTelegram, sealTelegram, signTag, splitMessage,
} from '../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../shared/protocol/keys.ts';
import type { Fields } from '../../shared/protocol/index.ts';

export interface Step {
  actor: 'cloud' | 'wallet' | 'box';
  what: string;
}

function expectMessage(bytes: Uint8Array, type: number): Fields {
  const decoded = decodeMessage(bytes);
  if (!decoded.ok || decoded.type !== type) throw new Error(`message type ${type} did not decode`);
  return decoded.fields;
}

/** Runs hello → ticket → IV → telegram over 20-byte BLE chunks → receipt, and returns what each party did. */
export function runPaymentFlow(boxId: Uint8Array, amount: number, currency: number): Step[] {
  const steps: Step[] = [];
  const log = (actor: Step['actor'], what: string) => steps.push({ actor, what });
  const master = new Uint8Array(randomBytes(32));
  const cloudKeys = deriveBoxKeys(master, boxId, 1);
  const boxKeys = { ...cloudKeys };
  log('cloud', `derived the box's encryption, MAC and POS keys (HKDF-SHA256, key version ${cloudKeys.keyVersion})`);

  const challenge = nodeCrypto.randomBytes(16);
  const hello = signTag(nodeCrypto, boxKeys.macKey, LABEL.HELLO, challenge, encodeMessage(MSG.HELLO, {
    boxId, flags: FLAG.ACTIVATED | FLAG.CLOCK_UNSET | (SCENARIO.PAY_BY_TIME << FLAG.SCENARIO_SHIFT), firmwareVersion: 1,
    keyVersion: 1, counter: 0, clock: 0, boxNonce: nodeCrypto.randomBytes(16), proof: new Uint8Array(16),
  }), 2);
  const helloFields = expectMessage(hello, MSG.HELLO);
  if (!checkTag(nodeCrypto, cloudKeys.macKey, LABEL.HELLO, challenge, hello, 2)) throw new Error('hello proof refused');
  log('cloud', `checked the box's hello proof (${hello.length} bytes) against challenge ${toHex(challenge).slice(0, 8)}…`);

  const context = new Uint8Array([...boxId, ...(helloFields.boxNonce as Uint8Array)]);
  const auth = signTag(nodeCrypto, cloudKeys.macKey, LABEL.TICKET, context, encodeMessage(MSG.AUTH, {
    walletId: 42, rights: RIGHT.PAY, validSeconds: 60, ticket: new Uint8Array(16),
  }), 2);
  if (!checkTag(nodeCrypto, boxKeys.macKey, LABEL.TICKET, context, auth, 2)) throw new Error('ticket refused');
  log('box', 'accepted the wallet ticket bound to this connection');

  const slot = emptyIvSlot();
  const iv = issueIv(nodeCrypto, slot, 0, 10);
  log('box', `handed out one-time IV ${toHex(iv).slice(0, 8)}… valid 10 s`);

  const txnId = nodeCrypto.randomBytes(8);
  const telegram = sealTelegram(nodeCrypto, cloudKeys, iv, KIND.PAYMENT, {
    txnId, issuedAt: 0, expiresAt: 0, walletId: 42, amount, currency, scenario: SCENARIO.PAY_BY_TIME, outputIndex: 0,
    units: 30, sku: 0,
  });
  log('cloud', `sealed a payment telegram (${telegram.length} bytes, AES-256-CBC then HMAC-SHA256)`);

  const chunks = splitMessage(telegram, 20);
  const reassembler = new Reassembler();
  let received: Uint8Array | undefined;
  chunks.forEach((chunk, i) => {
    const pushed = reassembler.push(chunk, i * 30);
    if (pushed.state === 'message') received = pushed.message;
  });
  if (!received) throw new Error('telegram did not reassemble');
  log('wallet', `wrote it to the box in ${chunks.length} BLE chunks of at most 20 bytes`);

  const opened = openTelegram(nodeCrypto, boxKeys, slot, received, 1000, 0);
  if (!opened.ok) throw new Error(`box refused the telegram with code ${opened.code}`);
  log('box', `opened it: ${opened.fields.amount} minor units, ${opened.fields.units} minutes; IV consumed`);

  const receipt = signTag(nodeCrypto, boxKeys.macKey, LABEL.RECEIPT, new Uint8Array(0), encodeMessage(MSG.RECEIPT, {
    boxId, txnId, status: STATUS.OK, counter: 1, logSeq: 1, time: 0, detail: 0, mac: new Uint8Array(16),
  }), 2);
  if (!checkTag(nodeCrypto, cloudKeys.macKey, LABEL.RECEIPT, new Uint8Array(0), receipt, 2)) throw new Error('receipt refused');
  log('cloud', 'verified the box receipt: payment can move Accept → Finish');

  const replay = openTelegram(nodeCrypto, boxKeys, slot, received, 1100, 0);
  const reason = replay.ok ? 'accepted' : Object.keys(ERR).find((name) => ERR[name as keyof typeof ERR] === replay.code);
  log('box', `refused the same telegram replayed: ${reason}`);
  return steps;
}
