import type { WallClock } from '../../core/index.ts';

/** Monotonic milliseconds since boot: the wall clock is an offset on top, so setting it never moves lifetimes. */
export function nowMs(): number {
  return getTime() * 1000;
}

/** Wall time as an offset from getTime(); lost on reset, when HELLO says CLOCK_UNSET again. */
export function createWallClock(): WallClock {
  let offset = 0;
  return {
    unixNow: () => (offset === 0 ? 0 : Math.floor(getTime() + offset)),
    set: (unixSeconds) => {
      offset = unixSeconds - getTime();
    },
  };
}
