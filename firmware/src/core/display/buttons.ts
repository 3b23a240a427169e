import type { Screen } from './types.ts';

/**
 * The Pixl.js buttons in board order (BTN1 top left, BTN2 top right, BTN3 bottom right, BTN4 bottom left),
 * named by what they do on these screens.
 */
export const BUTTON = { BACK: 0, CLEAR: 1, NEXT: 2, PREV: 3 } as const;

/**
 * The screen after a button press. Idle: BACK opens the log at the newest record; NEXT/PREV raise or lower the
 * requested amount by `step` (merchant counter; 0 disables entry), CLEAR drops it. Log: PREV/NEXT step through
 * records, BACK returns to idle. Result and staff views: any button returns to idle. A payment in progress
 * ignores buttons.
 */
export function onButton(screen: Screen, button: number, logCount: number, step: number): Screen {
  if (screen.kind === 'paying') return screen;
  if (screen.kind === 'log') {
    if (button === BUTTON.BACK) return { kind: 'idle', amount: 0 };
    const index = screen.index + (button === BUTTON.NEXT ? 1 : button === BUTTON.PREV ? -1 : 0);
    return { kind: 'log', index: Math.max(0, Math.min(logCount - 1, index)) };
  }
  if (screen.kind !== 'idle') return { kind: 'idle', amount: 0 };
  if (button === BUTTON.BACK) return logCount ? { kind: 'log', index: logCount - 1 } : screen;
  if (button === BUTTON.CLEAR) return { kind: 'idle', amount: 0 };
  const amount = screen.amount + (button === BUTTON.NEXT ? step : -step);
  return { kind: 'idle', amount: Math.max(0, amount) };
}
