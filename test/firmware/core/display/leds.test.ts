import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LED_PATTERNS, createLedPlayer, type LedTimers } from '../../../../firmware/src/core/display/index.ts';

// A virtual clock: timers fire in order when the test advances time.
function virtualTimers(): LedTimers & { now: number; advance(ms: number): void } {
  let queue: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  const clock = {
    now: 0,
    setTimeout(run: () => void, ms: number) {
      queue.push({ at: clock.now + ms, run, id: next });
      return next++;
    },
    clearTimeout(id: unknown) {
      queue = queue.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      const end = clock.now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const due = queue[0];
        if (!due || due.at > end) break;
        queue.shift();
        clock.now = due.at;
        due.run();
      }
      clock.now = end;
    },
  };
  return clock;
}

const test = suite('createLedPlayer');

test('plays a pattern step by step and turns the LEDs off at its end', () => {
  const timers = virtualTimers();
  const seen: string[] = [];
  const player = createLedPlayer((mask) => seen.push(timers.now + ':' + mask), timers);
  player.play(LED_PATTERNS.paid);
  timers.advance(5000);
  assert.equal(seen, ['0:0', '0:2', '150:0', '250:2', '400:0', '500:2', '1100:0']);
});

test('a new pattern cuts the playing one short', () => {
  const timers = virtualTimers();
  const seen: string[] = [];
  const player = createLedPlayer((mask) => seen.push(timers.now + ':' + mask), timers);
  player.play(LED_PATTERNS.paid);
  timers.advance(200);
  player.play(LED_PATTERNS.refused);
  timers.advance(5000);
  assert.equal(seen, ['0:0', '0:2', '150:0', '200:0', '200:1', '800:0']);
});

test('stop turns the LEDs off and no timer fires afterwards', () => {
  const timers = virtualTimers();
  const seen: number[] = [];
  const player = createLedPlayer((mask) => seen.push(mask), timers);
  player.play(LED_PATTERNS.error);
  player.stop();
  timers.advance(5000);
  assert.equal(seen, [0, 1, 0]);
});

test('every pattern is pairs of a mask of the three LEDs and a positive duration', () => {
  for (const pattern of Object.values(LED_PATTERNS)) {
    assert.is(pattern.length % 2, 0);
    for (let i = 0; i < pattern.length; i += 2) {
      assert.ok(pattern[i]! >= 0 && pattern[i]! <= 7 && pattern[i + 1]! > 0);
    }
  }
});

test.run();
