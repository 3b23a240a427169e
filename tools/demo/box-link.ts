// The phone's BLE link to a simulated box: messages framed into 20-byte writes, the box's notifications
// reassembled, virtual time run in small steps while the phone waits. `onStep` lets the machine wired to the box
// act between steps (the beer machine answers its VEND frame).
import { Reassembler, decodeMessage, splitMessage } from '../../shared/protocol/index.ts';
import type { Fields } from '../../shared/protocol/index.ts';
import type { SimulatedBox } from '../simulator/index.ts';
import { WalletFlowError } from './errors.ts';

export interface BoxReply {
  type: number;
  fields: Fields;
  /** The message as the box sent it, relayed to the cloud unchanged. */
  bytes: Uint8Array;
}

export interface BoxLink {
  request(message: Uint8Array, waitMs?: number): BoxReply;
  close(): void;
}

const STEP_MS = 50;

export function openBoxLink(box: SimulatedBox, onStep: () => void = () => undefined): BoxLink {
  const link = box.connect({ mtu: 23 });
  const reassembler = new Reassembler();
  let read = 0;
  return {
    request(message, waitMs = 5000) {
      for (const chunk of splitMessage(message, link.mtu - 3)) link.write(chunk);
      for (let waited = 0; ; waited += STEP_MS) {
        while (read < link.notifications.length) {
          const pushed = reassembler.push(link.notifications[read++]!, box.now());
          if (pushed.state !== 'message') continue;
          const decoded = decodeMessage(pushed.message);
          if (!decoded.ok) throw new WalletFlowError('box_undecodable', `the box sent an undecodable message (code ${decoded.code})`);
          return { type: decoded.type, fields: decoded.fields, bytes: pushed.message };
        }
        if (waited >= waitMs || !link.connected) throw new WalletFlowError('box_no_reply', `no reply from the box within ${waitMs} ms`);
        box.advance(STEP_MS);
        onStep();
      }
    },
    close() {
      if (link.connected) link.disconnect();
      box.advance(STEP_MS);
    },
  };
}
