import type { Uart, UartOptions } from '../../core/index.ts';

/** Serial1, the parts used here (an open UART costs power, so it is set up only for the digital interface). */
declare const Serial1: {
  setup(baud: number, options: { rx: string; tx: string; bytesize: number; parity: string | null; stopbits: number }): void;
  write(data: Uint8Array): void;
  on(event: 'data', fn: (data: string) => void): void;
  removeAllListeners(event: string): void;
};
declare const E: { toUint8Array(data: string): Uint8Array };

/** Opens the machine UART on the board's pins with the framing the configuration gives. */
export function openUart(pins: { tx: string; rx: string }, options: UartOptions): Uart {
  const parities = [null, 'o', 'e'];
  Serial1.setup(options.baud, {
    rx: pins.rx,
    tx: pins.tx,
    bytesize: options.framing & 15 || 8,
    parity: parities[(options.framing >> 4) & 3] || null,
    stopbits: options.framing & 0x40 ? 2 : 1,
  });
  Serial1.on('data', (data) => options.onReadable(E.toUint8Array(data)));
  return {
    write: (bytes) => Serial1.write(bytes),
    close: () => Serial1.removeAllListeners('data'),
  };
}
