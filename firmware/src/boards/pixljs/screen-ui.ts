import { KIND, SCENARIO, STATUS } from '../../../../shared/protocol/constants.ts';
import { decodeFields } from '../../../../shared/protocol/layout.ts';
import { LOG_RECORD_LAYOUT } from '../../../../shared/protocol/messages.ts';
import { drawScreen, onButton, type DisplayConfig, type DisplayContext, type Screen } from '../../core/display/index.ts';
import type { Log } from '../../core/log/index.ts';
import type { BoxUi } from '../../core/index.ts';
import type { Lcd } from '../espruino/lcd.ts';
import { loadModule } from '../espruino/load.ts';

// A result stays on screen this long before the idle screen (merchant and QR code) comes back.
const RESULT_MS = 8000;

/** The Pixl.js screens: idle with the dynamic QR, payment results, the staff view, and the log on the buttons. */
export function createScreenUi(lcd: Lcd, buttons: string[], config: DisplayConfig, log: Log | undefined): BoxUi {
  let screen: Screen = { kind: 'idle', amount: 0 };
  let back: ReturnType<typeof setTimeout> | undefined;
  const ctx: DisplayContext = {
    config,
    logCount: 0,
    load: loadModule,
    readRecord(index) {
      if (log === undefined) return undefined;
      const oldest = log.read(0, 1);
      if (oldest.length === 0) return undefined;
      const first = decodeFields(LOG_RECORD_LAYOUT, oldest, 0, oldest.length);
      if (typeof first === 'number') return undefined;
      const bytes = log.read((first.seq as number) + index, 1);
      const record = bytes.length === 0 ? 0 : decodeFields(LOG_RECORD_LAYOUT, bytes, 0, bytes.length);
      if (typeof record === 'number') return undefined;
      return {
        seq: record.seq as number, time: record.time as number, amount: record.amount as number,
        currency: record.currency as number, result: record.result as number,
      };
    },
  };
  function show(next: Screen): void {
    screen = next;
    ctx.logCount = log === undefined ? 0 : log.count();
    drawScreen(lcd, screen, ctx);
  }
  buttons.forEach((pin, index) => {
    setWatch(() => show(onButton(screen, index, ctx.logCount, config.amountStep)), pin, { repeat: true, edge: 'rising', debounce: 50 });
  });
  show(screen);
  return {
    connected() {},
    telegram(kind, fields, status, detail) {
      if (kind !== KIND.PAYMENT) return;
      const payment = { amount: fields.amount as number, currency: fields.currency as number, walletId: fields.walletId as number };
      if (status === STATUS.OK && fields.scenario === SCENARIO.MERCHANT_COUNTER) show({ kind: 'counter', payment });
      else if (status === STATUS.OK || status === STATUS.DUPLICATE) show({ kind: 'result', outcome: 'paid', code: 0, payment });
      else show({ kind: 'result', outcome: status === STATUS.REFUSED ? 'refused' : 'error', code: detail, payment });
      if (back !== undefined) clearTimeout(back);
      back = setTimeout(() => show({ kind: 'idle', amount: 0 }), RESULT_MS);
    },
  };
}
