// What a bystander would see at the machine after a payment: outputs switching, the UART frame, the LCD text.
import { toHex } from '../../shared/bytes/index.ts';
import type { SimulatedBox } from '../simulator/index.ts';
import { ACK, VEND } from './machine.ts';

function describePins(box: SimulatedBox, from: number): string[] {
  const out: string[] = [];
  box.board.pins.outputs.forEach((pin, i) => {
    const rising = box.pinTrace.filter((e) => e.pin === pin && e.t >= from && e.level === box.board.outputActiveLevel && e.source !== 'mode');
    if (rising.length === 0) return;
    const held = box.pin(pin).level === box.board.outputActiveLevel;
    out.push(held ? `output ${i} (${pin}) on` : `output ${i} (${pin}) pulsed ${rising.length}×`);
  });
  return out;
}

function describeUart(box: SimulatedBox, from: number): string[] {
  return box.uart.events.filter((e) => e.t >= from).map((e) => {
    const type = e.bytes[2] === VEND ? 'VEND' : e.bytes[2] === ACK ? 'ACK' : 'frame';
    return e.direction === 'tx' ? `UART → machine ${type} ${toHex(e.bytes)}` : `UART ← machine ${type}`;
  });
}

function describeLcd(box: SimulatedBox): string[] {
  if (box.lcd === undefined) return [];
  const text = box.lcd.text().map((run) => run.text).join(' ');
  return text === '' ? [] : [`LCD "${text}"`];
}

/** One phrase per effect since virtual time `from`. */
export function describeOutcome(box: SimulatedBox, from: number): string {
  const parts = [...describePins(box, from), ...describeUart(box, from), ...describeLcd(box)];
  return parts.length === 0 ? 'no machine action' : parts.join('; ');
}
