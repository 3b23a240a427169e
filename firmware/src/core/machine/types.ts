import type { Fields } from '../../../../shared/protocol/types.ts';
import type { DigitalInput, DigitalIO, KeyValueStore, Timers, Uart, UartOptions } from '../io.ts';
import type { BoxState } from '../session/types.ts';
import type { LoadModule } from '../modules.ts';

/** A receipt in the making: RECEIPT status and detail (an ERR code or the machine's own code). */
export type MachineFinish = (status: number, detail: number) => void;

export interface MachineOptions {
  /** The four output pins; their active level comes from the configuration, never from the board. */
  outputs: DigitalIO[];
  /** The two input pins, active high (the boards pull them down); roles come from the configuration. */
  inputs: DigitalInput[];
  timers: Timers;
  /** Holds the configuration and the open windows across resets. */
  store: KeyValueStore;
  /** Shared with the session: the machine keeps counter, configVersion and its flag bits current. */
  state: BoxState;
  /** Wall clock in Unix seconds, 0 while unset. */
  unixNow(): number;
  /** Writes one log record for an executed telegram (or a window dropped by a fault); returns its seq. */
  record(fields: Fields, status: number): number;
  /** The board's module loader: the configuration check is a module (core/modules.ts). */
  load: LoadModule;
  /** Opens the machine UART (digital interface); boards without one leave it out and cannot take that scenario. */
  openUart?(options: UartOptions): Uart;
}

/** The machine side of the box: one configured scenario, driven by opened telegrams and the inputs. */
export interface Machine {
  /** Validates, stores and applies a CONFIG telegram; 0 or the ERR code of the refusal. */
  configure(fields: Fields): number;
  /** Runs a PAYMENT; `finish` is called once, now or when the machine answers (UART). */
  pay(fields: Fields, finish: MachineFinish): void;
  /** UNLOCK inside a multiple-times locker window; 0 or the ERR code. */
  unlock(fields: Fields): number;
  /** CANCEL of a running window or pending pulses; 0 or the ERR code. */
  cancel(fields: Fields): number;
  /** Counts an executed telegram and logs it; returns the log seq. */
  log(fields: Fields, status: number): number;
  /** Fault: every output inactive, every action stopped, open windows logged as failed so the cloud can refund. */
  halt(): void;
}
