/**
 * `setLeds(mask)` for the core's LED player: bit i drives the board's i-th LED pin (Puck.js D5 red, D4 green,
 * D3 blue; active high).
 */
export function createSetLeds(pins: string[]): (mask: number) => void {
  return function (mask) {
    for (let i = 0; i < pins.length; i++) digitalWrite(pins[i]!, (mask >> i) & 1);
  };
}
