// Digital interface: one VEND frame per payment, then the machine's ACK or NAK, or the timeout. Only an ACK is
// OK; NAK and silence are receipts the cloud refunds on, so a machine that never dispensed never keeps money.
import { concatBytes } from '../../../../shared/bytes/concat.ts';
import { equalBytes } from '../../../../shared/crypto/constant-time.ts';
import { STATUS } from '../../../../shared/protocol/constants.ts';
import { encodeFields } from '../../../../shared/protocol/layout.ts';
import type { Fields } from '../../../../shared/protocol/types.ts';
import type { Uart } from '../io.ts';
import type { MachineFinish, MachineOptions } from './types.ts';
import { FRAME, VEND_LAYOUT, encodeFrame, takeFrame } from './uart-frame.ts';

/** Seconds to wait for the answer when CONFIG `options` (the digital interface's timeout in seconds) is 0. */
export const DEFAULT_ACK_SECONDS = 5;

export interface DigitalLink {
  /** Closes any open port, then opens one for `cfg` (none for undefined); false when the board has no UART. */
  open(cfg: Fields | undefined): boolean;
  /** Sends the VEND frame and finishes on the answer or after `seconds`. */
  vend(f: Fields, seconds: number, finish: MachineFinish): void;
  /** A VEND is waiting for its answer. */
  pending(): boolean;
  /** Ends a waiting VEND with `status` (a fault, a reconfiguration). */
  abort(status: number, detail: number): void;
}

export function createDigitalLink(o: MachineOptions, changed: () => void): DigitalLink {
  let uart: Uart | undefined;
  let rx: Uint8Array = new Uint8Array(0);
  let waiting: { txnId: Uint8Array; finish: MachineFinish; timer: unknown } | undefined;

  function answer(status: number, detail: number): void {
    const w = waiting;
    if (!w) return;
    waiting = undefined;
    o.timers.clearTimeout(w.timer);
    w.finish(status, detail);
    changed();
  }

  function readable(bytes: Uint8Array): void {
    rx = concatBytes([rx, bytes]);
    let frame = takeFrame(rx);
    while (frame !== 0) {
      if (typeof frame === 'number') {
        rx = rx.subarray(frame);
      } else {
        rx = rx.subarray(frame.size);
        const nak = frame.type === FRAME.NAK;
        if (waiting && frame.size === 15 && (nak || frame.type === FRAME.ACK) && equalBytes(frame.body.subarray(0, 8), waiting.txnId)) {
          answer(nak ? STATUS.MACHINE_FAILED : STATUS.OK, nak ? frame.body[8]! : 0);
        }
      }
      frame = takeFrame(rx);
    }
  }

  return {
    open: function (cfg) {
      if (uart) uart.close();
      uart = undefined;
      if (!cfg) return true;
      if (!o.openUart) return false;
      uart = o.openUart({ baud: cfg.uartBaud as number, framing: cfg.uartFraming as number, onReadable: readable });
      return true;
    },
    vend: function (f, seconds, finish) {
      rx = new Uint8Array(0);
      waiting = {
        txnId: f.txnId as Uint8Array,
        finish: finish,
        timer: o.timers.setTimeout(function () {
          answer(STATUS.MACHINE_TIMEOUT, 0);
        }, seconds * 1000),
      };
      changed();
      uart!.write(encodeFrame(FRAME.VEND, encodeFields(VEND_LAYOUT, f)));
    },
    pending: function () {
      return !!waiting;
    },
    abort: answer,
  };
}
