import { boot, type BoardData, type Device, type TextDisplay } from '../../core/index.ts';
import { Digital } from './digital.ts';

/** Builds the board's IO from its data and hands it to the core. */
export function start(board: BoardData, display?: TextDisplay): void {
  const device: Device = {
    outputs: board.pins.outputs.map((pin) => ({ io: new Digital({ pin, mode: 'output' }), activeLevel: board.outputActiveLevel })),
    inputs: board.pins.inputs.map((pin) => new Digital({ pin, mode: 'inputPullDown' })),
    display,
  };
  boot(board, device, (line) => console.log(line));
}
