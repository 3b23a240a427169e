import { KIND, STATUS } from '../../../../shared/protocol/constants.ts';
import { LED_PATTERNS, createLedPlayer } from '../../core/display/index.ts';
import type { BoxUi } from '../../core/index.ts';
import { createSetLeds } from './leds.ts';

/** LED boards (Puck.js, MDBT42Q): a short pattern per event; the battery warning plays once at boot. */
export function createLedUi(leds: string[], batteryLow: boolean): BoxUi {
  const player = createLedPlayer(createSetLeds(leds), {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  });
  if (batteryLow) player.play(LED_PATTERNS.lowBattery);
  return {
    connected: () => player.play(LED_PATTERNS.connected),
    telegram(kind, _fields, status) {
      if (status === STATUS.REFUSED) player.play(LED_PATTERNS.refused);
      else if (status !== STATUS.OK && status !== STATUS.DUPLICATE) player.play(LED_PATTERNS.error);
      else if (kind === KIND.PAYMENT) player.play(LED_PATTERNS.paid);
    },
  };
}
