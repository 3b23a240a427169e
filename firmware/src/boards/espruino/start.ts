import { BOARD, FLAG } from '../../../../shared/protocol/constants.ts';
import { KEY_FILE_NAME, decodeKeyFile } from '../../../../shared/protocol/key-file.ts';
import {
  boot, createSession, createTelegramHandler, type BoardData, type BoxState, type Device, type Session, type TextDisplay,
} from '../../core/index.ts';
import type { Crypto } from '../../../../shared/crypto/types.ts';
import { notifyChunk, serveBle } from './ble.ts';
import { createWallClock, nowMs } from './clock.ts';
import { Digital } from './digital.ts';
import { readFile } from './storage.ts';

// While a link is open: the auth deadline and paced notifications need a heartbeat; none runs while idle.
const LINK_TICK_MS = 250;

/** Builds the board's IO from its data, boots the core and serves the WayGo BLE service. */
export function start(board: BoardData, crypto: Crypto, display?: TextDisplay): void {
  const device: Device = {
    outputs: board.pins.outputs.map((pin) => ({ io: new Digital({ pin, mode: 'output' }), activeLevel: board.outputActiveLevel })),
    inputs: board.pins.inputs.map((pin) => new Digital({ pin, mode: 'inputPullDown' })),
    display,
  };
  boot(board, device, (line) => console.log(line));
  const keys = decodeKeyFile(readFile(KEY_FILE_NAME));
  const state: BoxState = {
    boardId: (BOARD as Record<string, number>)[board.espruinoBoard] || 0,
    firmwareVersion: 1,
    counter: 0,
    flags: keys === undefined ? 0 : FLAG.ACTIVATED,
    configVersion: 0,
    battery: 100,
    logCount: 0,
    logCapacity: 0,
  };
  const clock = createWallClock();
  const onTelegram = createTelegramHandler(clock);
  let session: Session | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  serveBle({
    onConnect() {
      session = createSession({
        crypto, keys, state, nowMs, unixNow: clock.unixNow, send: notifyChunk, disconnect: () => NRF.disconnect(),
        onTelegram, findReceipt: () => undefined, readLog: () => new Uint8Array(0),
      });
      timer = setInterval(() => {
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
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  });
}
