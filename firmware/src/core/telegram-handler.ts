import { ERR } from '../../../shared/protocol/errors.ts';
import { KIND, STATUS } from '../../../shared/protocol/constants.ts';
import type { Fields } from '../../../shared/protocol/types.ts';
import type { TelegramDone } from './session/index.ts';

/** The box's wall clock: unset (0) after every reset until an authenticated CLOCK telegram sets it. */
export interface WallClock {
  unixNow(): number;
  set(unixSeconds: number): void;
}

/**
 * What the box does with an opened telegram. CLOCK sets the wall clock: it is the only way the clock is ever
 * set, so an attacker cannot move time to revive an expired telegram. Kinds that need a machine scenario are
 * refused with NOT_ACTIVATED (a MACed receipt the cloud can read) until the box holds a scenario runner.
 */
export function createTelegramHandler(clock: WallClock): (kind: number, fields: Fields, done: TelegramDone) => void {
  return function (kind, fields, done) {
    if (kind === KIND.CLOCK) {
      clock.set(fields.time as number);
      done(STATUS.OK, 0, 0);
      return;
    }
    done(STATUS.REFUSED, ERR.NOT_ACTIVATED, 0);
  };
}
