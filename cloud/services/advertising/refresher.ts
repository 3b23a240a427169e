import { ADV_WINDOW_SECONDS } from '../../../shared/protocol/advertising.ts';
import type { AdvertisingIndex } from './advertising-index.ts';

export interface AdvertisingRefresher {
  stop(): void;
}

const WINDOW_MS = ADV_WINDOW_SECONDS * 1000;

/**
 * Rolls the index forward just after every window boundary: one HMAC per box key to add the next window, none to
 * drop the oldest. The table already holds the window either side, so a roll that runs late loses nothing; doing
 * it here keeps that work off the first request of the window. The timer never keeps the process alive.
 */
export function startAdvertisingRefresher(index: AdvertisingIndex, onError: (err: unknown) => void, slackMs = 1000): AdvertisingRefresher {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const delay = WINDOW_MS - (index.now() % WINDOW_MS) + slackMs;
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const run = () => {
    try {
      index.roll();
    } catch (err) {
      onError(err);
    }
    schedule();
  };
  run();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
