// POST /v1/wallet/payments with its Idempotency-Key in two transactions, not four: the key is claimed in the
// transaction that creates the payment, and the answer is stored in the one that records the acquirer's
// outcome. The acquirer is called between them, outside any transaction.
import { commitWrite } from '../../db/group-commit.ts';
import type { Executor } from '../../db/open.ts';
import { chargingAcquirer } from './acquirer-choice.ts';
import { createPayment, type CreatedPayment, type PaymentRequest } from './create.ts';
import { claimKey, releaseKey, storeResponse, type StoredResponse } from './idempotency.ts';
import { chargeCreated, declinedByControls, type PayOutcome } from './pay.ts';
import type { PaymentDeps, WalletRef } from './types.ts';

export interface KeyedPayment {
  key: string;
  /** requestDigest of the request, so the same key with another body is refused. */
  digest: string;
  /** Built once the key is claimed: an error it throws is stored under the key like any refusal. */
  request: () => PaymentRequest;
  /** The answer stored under the key for an outcome. */
  respond: (outcome: PayOutcome) => StoredResponse;
  /** The answer stored for an error the wallet caused; undefined for a fault of ours, which leaves the key free. */
  refuse: (err: unknown) => StoredResponse | undefined;
  /** Another write committed with the claim (the request's nonce). */
  alsoWrite?: (tx: Executor) => void;
}

type Started = { kind: 'answered'; response: StoredResponse } | { kind: 'created'; created: CreatedPayment };

/**
 * Claims the key and creates the payment in one transaction; a refusal while creating (the savepoint rolled
 * back) is stored under the claimed key in that same transaction. A fault of ours rolls the claim back with
 * everything else, so the retry can run. Errors about the key itself (reused, in flight) are thrown, not stored.
 * Both transactions go through the group commit: the acquirer is called only once the claim is on disk.
 */
export async function payWithKey(deps: PaymentDeps, wallet: WalletRef, input: KeyedPayment): Promise<StoredResponse> {
  const { db, now } = deps;
  const store = (tx: Executor, response: StoredResponse) => storeResponse(tx, wallet.id, input.key, response, now());
  const answered = (tx: Executor, response: StoredResponse): Started => {
    store(tx, response);
    return { kind: 'answered', response };
  };
  const started = await commitWrite(db, (tx): Started => {
    input.alsoWrite?.(tx);
    const claim = claimKey(tx, wallet.id, input.key, input.digest, now());
    if (claim.kind === 'replay') return { kind: 'answered', response: claim.response };
    let created: CreatedPayment;
    try {
      created = createPayment(tx, deps.kek, wallet, input.request(), (merchantId) => chargingAcquirer(deps, merchantId).name, now());
    } catch (err) {
      const response = input.refuse(err);
      if (!response) throw err;
      return answered(tx, response);
    }
    return created.sealed ? { kind: 'created', created } : answered(tx, input.respond(declinedByControls(created.payment)));
  });
  if (started.kind === 'answered') return started.response;
  let response: StoredResponse | undefined;
  try {
    await chargeCreated(deps, wallet, started.created, (tx, outcome) => {
      response = input.respond(outcome);
      store(tx, response);
    });
  } catch (err) {
    response = input.refuse(err);
    if (!response) {
      releaseKey(db, wallet.id, input.key);
      throw err;
    }
    store(db, response);
  }
  return response!;
}
