import type { Acquirer } from '../../acquirers/types.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';

/** What the payment service needs; one acquirer instance for the process (the simulator keeps its books in it). */
export interface PaymentDeps {
  db: Db;
  kek: Kek;
  acquirer: Acquirer;
  now: () => number;
}

/** The signed-in wallet app: its key id and the uint32 walletId the box sees. */
export interface WalletRef {
  id: string;
  walletId: number;
}

export const walletActor = (wallet: WalletRef) => `wallet:${wallet.id}`;

/** From creation to Finish: a charge, a BLE write and a receipt upload, with room for one reconnect and reseal. */
export const PAYMENT_TTL_MS = 10 * 60_000;
