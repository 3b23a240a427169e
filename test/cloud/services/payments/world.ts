// A seeded cloud with the simulator acquirer and a clock the test moves, plus the box's side of a payment
// (IV, telegram, receipt) played with shared/protocol.
import { buildApp } from '../../../../cloud/app.ts';
import { createSimulatorAcquirer } from '../../../../cloud/acquirers/index.ts';
import type { Acquirer } from '../../../../cloud/acquirers/index.ts';
import { merchandise } from '../../../../cloud/db/schema/index.ts';
import { toHex } from '../../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { LABEL, MSG, STATUS, TAG_SIZE } from '../../../../shared/protocol/constants.ts';
import { emptyIvSlot, issueIv } from '../../../../shared/protocol/iv.ts';
import { encodeMessage } from '../../../../shared/protocol/messages.ts';
import { openTelegram } from '../../../../shared/protocol/open.ts';
import { signTag } from '../../../../shared/protocol/tags.ts';
import type { BoxKeys, Fields, IvSlot } from '../../../../shared/protocol/types.ts';
import { migratedDatabase } from '../../fixtures.ts';
import { signed } from '../../wallet-client.ts';
import { seedWorld } from '../../wallet-world.ts';

const quiet = { info: () => undefined, error: () => undefined };

/** Test merchandise in store s_1 whose prices are the simulator's magic amounts. */
export const MAGIC_SKUS = { DECLINE: 951, PENDING: 968 } as const;

export function paymentWorld(acquirer: Acquirer = createSimulatorAcquirer()) {
  const database = migratedDatabase(':memory:');
  const world = seedWorld(database);
  database.db.insert(merchandise).values(Object.entries(MAGIC_SKUS).map(([sku, priceMinor]) => ({
    id: `g_${sku}`, storeId: 's_1', sku, name: sku, priceMinor, currency: 'JPY', scenarioParams: {}, createdAt: 1,
  }))).run();
  const clock = { ms: Date.now() };
  const now = () => clock.ms;
  const app = buildApp({ db: database.db, kek: world.kek, bodyLimit: 65536, version: 'test', logger: quiet, now, acquirer });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, signed(world.wallet, 'POST', path, body, { headers, timestamp: Math.floor(clock.ms / 1000) }));
  const get = (path: string) => app.request(path, signed(world.wallet, 'GET', path, undefined, { timestamp: Math.floor(clock.ms / 1000) }));
  return { ...world, database, app, clock, now, acquirer, post, get, deps: { db: database.db, kek: world.kek, acquirer, now } };
}

/** The box's side of one connection: an IV it handed out, the telegram it opens, the receipt it signs. */
export class PaymentBox {
  readonly keys: BoxKeys;
  readonly slot: IvSlot = emptyIvSlot();
  counter: number;

  constructor(keys: BoxKeys, counter = 0) {
    this.keys = keys;
    this.counter = counter;
  }

  /** The IV message (hex) the wallet relays to the cloud. */
  iv(): string {
    const iv = issueIv(nodeCrypto, this.slot, 0, 30);
    return toHex(encodeMessage(MSG.IV, { iv, ttlSeconds: 30 }));
  }

  open(telegramHex: string): Fields {
    const opened = openTelegram(nodeCrypto, this.keys, this.slot, Buffer.from(telegramHex, 'hex'), 1, 0);
    if (!opened.ok) throw new Error(`the box refused the telegram: ${opened.code}`);
    return opened.fields;
  }

  /** A RECEIPT for `txnId` with `status`, MACed with this box's keys (or `macKey` to forge one). */
  receipt(txnId: Uint8Array, status: number = STATUS.OK, detail = 0, macKey = this.keys.macKey): string {
    if (status !== STATUS.DUPLICATE && status !== STATUS.REFUSED) this.counter += 1;
    const receipt = encodeMessage(MSG.RECEIPT, {
      boxId: this.keys.boxId, txnId, status, counter: this.counter, logSeq: this.counter, time: 0, detail, mac: new Uint8Array(TAG_SIZE),
    });
    return toHex(signTag(nodeCrypto, macKey, LABEL.RECEIPT, new Uint8Array(0), receipt, 2));
  }
}
