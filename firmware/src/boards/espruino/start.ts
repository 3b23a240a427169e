import { FLAG, KIND } from '../../../../shared/protocol/constants.ts';
import { KEY_FILE_NAME, decodeKeyFile, encodeKeyFile } from '../../../../shared/protocol/key-file.ts';
import type { Crypto } from '../../../../shared/crypto/types.ts';
import type { BoxKeys, Fields } from '../../../../shared/protocol/types.ts';
import {
  boot, countBoot, createRecentTxns, createSession, createTelegramHandler, type BoardData, type BoxState, type BoxUi, type Device,
  type Session, type TextDisplay,
} from '../../core/index.ts';
import { createMachine } from '../../core/machine/index.ts';
import { logCapacity, openLog, type Log } from '../../core/log/index.ts';
import { advertise, notifyChunk, serveBle } from './ble.ts';
import { createWallClock, nowMs } from './clock.ts';
import { Digital } from './digital.ts';
import { MODULE_PREFIX, loadModule } from './load.ts';
import { endInstallModeAfter, guard, installModeRequested } from './safety.ts';
import { files, readFile, storage } from './storage.ts';
import { openUart } from './uart.ts';

declare const E: { getBattery(): number };

// While a link is open: the auth deadline and paced notifications need a heartbeat; none runs while idle.
const LINK_TICK_MS = 250;
const INSTALL_MINUTES = 5;
const BATTERY_LOW = 20;
// Without a log (no room beside the code), the executed transactions kept in RAM for the duplicate rule.
const RECENT_TXNS = 8;

/** What each board adds: its crypto set, its boot text display, and its UI (LEDs or screens). */
export interface BoardParts {
  crypto: Crypto;
  display?: TextDisplay;
  ui(log: Log | undefined): BoxUi;
}

/** The boot bundle and the firmware's Storage modules: the room they take is not the log's. */
function codeBytes(): number {
  let bytes = 0;
  storage.list().forEach((name) => {
    const code = name === '.bootcde' || name.indexOf(MODULE_PREFIX) === 0 ? readFile(name) : undefined;
    if (code !== undefined) bytes += code.length;
  });
  return bytes;
}

/** Builds the board's IO from its data, boots the core and serves the WayGo BLE service. */
export function start(board: BoardData, parts: BoardParts): void {
  const device: Device = {
    outputs: board.pins.outputs.map((pin) => ({ io: new Digital({ pin, mode: 'output' }), activeLevel: board.outputActiveLevel })),
    inputs: board.pins.inputs.map((pin) => new Digital({ pin, mode: 'inputPullDown' })),
    display: parts.display,
  };
  boot(board, device, (line) => console.log(line));
  const install = installModeRequested(board.buttons);
  const crypto = parts.crypto;
  let keys = decodeKeyFile(readFile(KEY_FILE_NAME));
  const bootCount = countBoot(storage);
  // A log needs two segments (one to write, one being recycled); a board whose code leaves less runs without one
  // and reports a capacity of 0 in INFO, so the cloud knows receipts are its only record.
  const segments = logCapacity(board.storageBytes, codeBytes()).segments;
  const log = keys === undefined || segments < 2 ? undefined : openLog({ storage, crypto, keys, segments });
  const battery = E.getBattery();
  const state: BoxState = {
    boardId: board.wireId,
    firmwareVersion: 1,
    counter: log === undefined ? 0 : log.count(),
    flags: battery < BATTERY_LOW ? FLAG.BATTERY_LOW : 0,
    configVersion: 0,
    battery,
    logCount: log === undefined ? 0 : log.count(),
    logCapacity: log === undefined ? 0 : log.capacity(),
  };
  const clock = createWallClock();
  const recent = createRecentTxns(RECENT_TXNS);
  const ui = parts.ui(log);
  const machine = createMachine({
    outputs: device.outputs.map((c) => c.io),
    inputs: device.inputs as Digital[],
    timers: { now: nowMs, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
    store: files,
    state,
    unixNow: clock.unixNow,
    record(fields: Fields, status: number): number {
      if (log === undefined) {
        recent.add(fields.txnId as Uint8Array, { seq: 0, time: clock.unixNow(), result: status });
        return 0;
      }
      const seq = log.append({
        time: clock.unixNow(), txnId: fields.txnId as Uint8Array, walletId: (fields.walletId as number) || 0,
        amount: (fields.amount as number) || 0, currency: (fields.currency as number) || 0,
        scenario: (fields.scenario as number) || 0, result: status,
      });
      state.logCount = log.count();
      return seq;
    },
    openUart: (options) => openUart(board.pins.uart, options),
    load: loadModule,
  });
  guard(() => machine.halt());
  let session: Session | undefined;
  const onTelegram = createTelegramHandler(clock, {
    machine,
    rotateKeys(fields: Fields) {
      const next: BoxKeys = {
        boxId: keys!.boxId, keyVersion: fields.keyVersion as number, encKey: fields.encKey as Uint8Array,
        macKey: fields.macKey as Uint8Array, posKey: fields.posKey as Uint8Array,
      };
      storage.write(KEY_FILE_NAME, encodeKeyFile(next));
      keys = next;
      if (session !== undefined) session.setKeys(next);
    },
    show(kind, fields, status, detail) {
      ui.telegram(kind, fields, status, detail);
      if (kind === KIND.CLOCK || kind === KIND.CONFIG) readvertise();
    },
  });

  let advertTimer: ReturnType<typeof setTimeout> | undefined;
  function readvertise(): void {
    if (advertTimer !== undefined) clearTimeout(advertTimer);
    const unixNow = clock.unixNow();
    const ms = advertise({
      hmac: crypto.hmacSha256, macKey: keys === undefined ? undefined : keys.macKey,
      flags: state.flags | (unixNow === 0 ? FLAG.CLOCK_UNSET : 0) | (install ? FLAG.INSTALL_MODE : 0),
      unixNow, bootCount, uptimeSeconds: nowMs() / 1000,
    });
    advertTimer = setTimeout(readvertise, ms);
  }

  let tick: ReturnType<typeof setInterval> | undefined;
  serveBle({
    onConnect() {
      ui.connected();
      session = createSession({
        crypto, keys, state, nowMs, unixNow: clock.unixNow, send: notifyChunk, disconnect: () => NRF.disconnect(),
        onTelegram,
        findReceipt: (txnId) => (log === undefined ? recent.find(txnId) : log.findByTxn(txnId)),
        readLog: (fromSeq, count) => (log === undefined ? new Uint8Array(0) : log.read(fromSeq, count)),
      });
      tick = setInterval(() => {
        if (session === undefined) return;
        session.tick(nowMs());
        session.drain();
      }, LINK_TICK_MS);
    },
    onChunk(chunk) {
      if (session !== undefined) session.receive(chunk);
    },
    onDisconnect() {
      if (session !== undefined) session.close();
      session = undefined;
      if (tick !== undefined) clearInterval(tick);
      tick = undefined;
      // Recycling a full log segment takes about a second: done between connections, never during a payment.
      if (log !== undefined) log.maintain();
    },
  }, install);
  readvertise();
  if (install) endInstallModeAfter(INSTALL_MINUTES);
}
