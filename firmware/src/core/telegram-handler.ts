import { ERR } from '../../../shared/protocol/errors.ts';
import { KIND, STATUS } from '../../../shared/protocol/constants.ts';
import type { Fields } from '../../../shared/protocol/types.ts';
import type { Machine } from './machine/index.ts';
import type { TelegramDone } from './session/index.ts';

/** The box's wall clock: unset (0) after every reset until an authenticated CLOCK telegram sets it. */
export interface WallClock {
  unixNow(): number;
  set(unixSeconds: number): void;
}

export interface TelegramHandlerOptions {
  machine: Machine;
  /** KEY_ROTATION: stores the new keys (the board writes the key file and hands them to the session). */
  rotateKeys(fields: Fields): void;
  /** Every answered telegram, for the display: staff see merchant-counter payments and refund acknowledgements. */
  show?(kind: number, fields: Fields, status: number, detail: number): void;
}

/**
 * What the box does with an opened telegram. CLOCK sets the wall clock: it is the only way the clock is ever
 * set, so an attacker cannot move time to revive an expired telegram. Everything else goes to the machine;
 * without one (`box` undefined) those kinds are refused NOT_ACTIVATED.
 *
 * Logging rule: a telegram the box executed (any status but REFUSED) is counted and gets one log record, whose
 * seq the receipt carries. A refusal is neither counted nor logged, so the cloud may retry the same txnId once
 * the cause (busy machine, missing config) is gone; its receipt is MACed all the same.
 */
export function createTelegramHandler(
  clock: WallClock, box?: TelegramHandlerOptions,
): (kind: number, fields: Fields, done: TelegramDone) => void {
  return function (kind, fields, done) {
    function finish(status: number, detail: number): void {
      const seq = box !== undefined && status !== STATUS.REFUSED ? box.machine.log(fields, status) : 0;
      done(status, detail, seq);
      if (box !== undefined && box.show !== undefined) box.show(kind, fields, status, detail);
    }
    function answer(code: number, status: number): void {
      if (code === 0) finish(status, 0);
      else finish(STATUS.REFUSED, code);
    }
    if (kind === KIND.CLOCK) {
      clock.set(fields.time as number);
      return finish(STATUS.OK, 0);
    }
    if (box === undefined) return finish(STATUS.REFUSED, ERR.NOT_ACTIVATED);
    const machine = box.machine;
    try {
      if (kind === KIND.PAYMENT) machine.pay(fields, finish);
      else if (kind === KIND.CONFIG) answer(machine.configure(fields), STATUS.OK);
      else if (kind === KIND.UNLOCK) answer(machine.unlock(fields), STATUS.OK);
      else if (kind === KIND.CANCEL) answer(machine.cancel(fields), STATUS.CANCELLED);
      else {
        if (kind === KIND.KEY_ROTATION) box.rotateKeys(fields);
        finish(STATUS.OK, 0);
      }
    } catch (e) {
      // Outputs inactive first; the session then answers MACHINE_FAILED for the throw.
      machine.halt();
      throw e;
    }
  };
}
