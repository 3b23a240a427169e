// Puck.js LED patterns as data: [ledMask, ms, ledMask, ms, …], played once; the LEDs go off at the end.
// Mask bits follow the board's LED list (Puck.js: 1 red, 2 green, 4 blue). Plain literals, so a bundle that
// does not play them (Pixl.js) drops the table.
export const LED_PATTERNS = {
  connected: [4, 100],
  paid: [2, 150, 0, 100, 2, 150, 0, 100, 2, 600],
  refused: [1, 600],
  error: [1, 100, 0, 100, 1, 100, 0, 100, 1, 100],
  lowBattery: [3, 50, 0, 200, 3, 50],
};

export type LedPattern = number[];

/** Timers as the board has them (setTimeout/clearTimeout), injected so tests drive a virtual clock. */
export interface LedTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface LedPlayer {
  /** Plays a pattern, cutting short the one playing. */
  play(pattern: LedPattern): void;
  /** Stops and turns the LEDs off. */
  stop(): void;
}

/** A player that drives `setLeds(mask)` through a pattern with the given timers. */
export function createLedPlayer(setLeds: (mask: number) => void, timers: LedTimers): LedPlayer {
  let timer: unknown;
  function stop(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    setLeds(0);
  }
  function step(pattern: LedPattern, at: number): void {
    if (at >= pattern.length) return stop();
    setLeds(pattern[at]!);
    timer = timers.setTimeout(() => step(pattern, at + 2), pattern[at + 1]!);
  }
  return {
    play(pattern) {
      stop();
      step(pattern, 0);
    },
    stop,
  };
}
