import type { Fields } from '../../../shared/protocol/types.ts';

/**
 * What a person at the box sees, whatever the board shows it with (Puck.js LEDs, Pixl.js LCD). The board picks
 * the implementation, so a bundle carries only its own display code.
 */
export interface BoxUi {
  /** A wallet connected. */
  connected(): void;
  /** A telegram was answered (paid, refused, failed, a merchant-counter payment for staff…). */
  telegram(kind: number, fields: Fields, status: number, detail: number): void;
}
