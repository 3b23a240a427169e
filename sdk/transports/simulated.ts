// The SDK against the firmware simulator (tools/simulator runs the built bundles): boxes on one virtual clock,
// links with the chosen MTU, an optional cost per round trip (a BLE connection interval) and injected link loss.
// Typed structurally, so this file imports nothing from the simulator and stays free of Node APIs.
import type { Clock } from '../clock.ts';
import { WalletError } from '../errors.ts';
import { CHUNK_FIRST } from '../../shared/protocol/index.ts';
import type { Connection, ScanResult, Transport } from './types.ts';

/** The part of a simulated link (tools/simulator `Link`) this transport drives. */
export interface SimLink {
  readonly mtu: number;
  connected: boolean;
  notifications: Uint8Array[];
  write(chunk: ArrayLike<number>): void;
  disconnect(): void;
}

/** The part of a simulated box (tools/simulator `SimulatedBox`) this transport drives. */
export interface SimBox {
  advance(ms: number): void;
  connect(options?: { mtu?: number }): SimLink;
  ble: { advertising: { options: unknown }[] };
}

/** A moment a fault hook may cut the link at: a chunk about to reach the box, or about to reach the wallet. */
export interface LinkEvent {
  box: string;
  direction: 'write' | 'notify';
  /** Message type when the chunk starts a message, else undefined. */
  messageType: number | undefined;
}

export interface SimulatedTransportOptions {
  /** MTU each connection negotiates (default 23: 20-byte chunks). */
  mtu?: number;
  /** Virtual ms between a write burst and the first reply reaching the wallet (default 0). */
  roundTripMs?: number;
  /** Virtual ms a connection takes to set up (default 0): link establishment, cached service discovery, MTU. */
  connectMs?: number;
  /** Granularity of virtual time while waiting (default 5 ms). */
  stepMs?: number;
  /** Returns true to drop the link at this event (the chunk is lost with it). */
  fault?: (event: LinkEvent) => boolean;
}

export interface SimulatedTransport extends Transport {
  readonly clock: Clock;
  /** Puts a box in range under `name` (its scan handle) at `rssi` dBm (default -50). */
  addBox(name: string, box: SimBox, rssi?: number): void;
  setRssi(name: string, rssi: number): void;
  /** Moves every box's virtual time on (also what a modelled cloud latency calls). */
  advance(ms: number): void;
}

interface Pump {
  run(now: number): void;
}

function messageType(chunk: ArrayLike<number>): number | undefined {
  return chunk.length > 4 && (chunk[0]! & CHUNK_FIRST) !== 0 ? chunk[4] : undefined;
}

export function createSimulatedTransport(options: SimulatedTransportOptions = {}): SimulatedTransport {
  const boxes: Record<string, { box: SimBox; rssi: number }> = {};
  const pumps: Pump[] = [];
  const stepMs = options.stepMs ?? 5;
  const roundTripMs = options.roundTripMs ?? 0;
  let t = 0;

  function advance(ms: number): void {
    for (let left = ms; left > 0; left -= stepMs) {
      const step = Math.min(stepMs, left);
      for (const name of Object.keys(boxes)) boxes[name]!.box.advance(step);
      t += step;
      for (const pump of pumps.slice()) pump.run(t);
    }
  }

  const clock: Clock = {
    now: () => t,
    stepMs,
    sleep(ms) {
      advance(ms);
      return Promise.resolve();
    },
  };

  function open(name: string, box: SimBox): Connection {
    const link = box.connect({ mtu: options.mtu ?? 23 });
    const listeners: ((chunk: Uint8Array) => void)[] = [];
    const closed: (() => void)[] = [];
    let read = 0;
    let burstAt: number | undefined;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      pumps.splice(pumps.indexOf(pump), 1);
      for (const listener of closed) listener();
    };
    const cut = () => {
      link.disconnect();
      end();
    };
    const pump: Pump = {
      run(now) {
        if (!link.connected) return end();
        if (burstAt !== undefined && now < burstAt + roundTripMs) return;
        while (read < link.notifications.length && link.connected) {
          const chunk = link.notifications[read++]!;
          if (options.fault?.({ box: name, direction: 'notify', messageType: messageType(chunk) })) return cut();
          burstAt = undefined;
          for (const listener of listeners) listener(chunk);
        }
      },
    };
    pumps.push(pump);
    return {
      chunkSize: Math.min(244, link.mtu - 3),
      get connected() {
        return link.connected && !ended;
      },
      write(chunk) {
        if (!link.connected || ended) return Promise.reject(new WalletError('link_lost', 'the BLE link to the box is closed'));
        if (options.fault?.({ box: name, direction: 'write', messageType: messageType(chunk) })) {
          cut();
          return Promise.reject(new WalletError('link_lost', 'the BLE link to the box dropped during a write'));
        }
        burstAt ??= t;
        link.write(chunk);
        return Promise.resolve();
      },
      onNotification: (listener) => void listeners.push(listener),
      onDisconnect: (listener) => void closed.push(listener),
      close() {
        if (link.connected) link.disconnect();
        end();
        return Promise.resolve();
      },
    };
  }

  return {
    name: 'simulated',
    clock,
    addBox(name, box, rssi) {
      boxes[name] = { box, rssi: rssi ?? -50 };
    },
    setRssi(name, rssi) {
      const known = boxes[name];
      if (known !== undefined) known.rssi = rssi;
    },
    advance,
    scan(scanOptions) {
      const results: ScanResult[] = [];
      for (const name of Object.keys(boxes)) {
        const { box, rssi } = boxes[name]!;
        const ad = box.ble.advertising[box.ble.advertising.length - 1]?.options as { manufacturerData?: ArrayLike<number> } | undefined;
        if (ad?.manufacturerData !== undefined) results.push({ id: name, rssi, manufacturerData: new Uint8Array(ad.manufacturerData) });
      }
      advance(Math.min(scanOptions.timeoutMs, 100));
      return Promise.resolve(results);
    },
    connect(id) {
      const known = boxes[id];
      if (known === undefined) return Promise.reject(new WalletError('box_not_found', `no simulated box ${id} in range`));
      advance(options.connectMs ?? 0);
      return Promise.resolve(open(id, known.box));
    },
  };
}
