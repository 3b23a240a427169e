// The vending controller on the digital-interface box's UART: it answers each VEND frame with an ACK for the
// same txnId (docs/uart.md), as a working beer machine would.
import { crc16 } from '../../shared/bytes/index.ts';
import type { SimulatedBox } from '../simulator/index.ts';

const STX = 0x02;
const ETX = 0x03;
export const VEND = 0x01;
export const ACK = 0x06;

export function ackFrame(txnId: Uint8Array): Uint8Array {
  const body = new Uint8Array([10, ACK, ...txnId, 0]);
  const crc = crc16(body);
  return new Uint8Array([STX, ...body, crc >> 8, crc & 0xff, ETX]);
}

/** Returns the step hook: call it after each slice of virtual time. */
export function vendingController(box: SimulatedBox): () => void {
  let seen = box.uart.events.length;
  return () => {
    for (; seen < box.uart.events.length; seen++) {
      const event = box.uart.events[seen]!;
      const frame = event.bytes;
      if (event.direction === 'tx' && frame[0] === STX && frame[2] === VEND) box.uartReceive(ackFrame(frame.subarray(3, 11)));
    }
  };
}
