// E is declared here for the watchdog only; crypto.ts declares its own for the RNG.
declare const E: { enableWatchdog(timeoutSeconds: number, isAuto: boolean): void; reboot(): void };

const WATCHDOG_SECONDS = 20;

/**
 * A lockup resets the box; any uncaught error drives the outputs inactive. The watchdog runs in automatic mode:
 * the interpreter kicks it whenever it is idle, so only code that never returns starves it. Once started it
 * cannot be stopped (ESPRUINO.md), which is what a box in the field wants.
 */
export function guard(makeSafe: () => void): void {
  E.enableWatchdog(WATCHDOG_SECONDS, true);
  process.on('uncaughtException', function () {
    makeSafe();
  });
}

/** Install mode is asked for by physical presence only: the box's first button held while it powers up. */
export function installModeRequested(buttons: string[]): boolean {
  return buttons.length > 0 && digitalRead(buttons[0]!) === 1;
}

/** Install mode ends by itself: the box reboots into production after `minutes`, whatever was going on. */
export function endInstallModeAfter(minutes: number): void {
  setTimeout(function () {
    E.reboot();
  }, minutes * 60000);
}
