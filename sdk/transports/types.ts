// What the SDK needs from a BLE stack, and nothing more: scan for WayGo advertisements, connect, write one chunk,
// hear notifications. The simulator, @abandonware/noble and Web Bluetooth each implement it.
import type { Clock } from '../clock.ts';

/** One advertisement seen during a scan. */
export interface ScanResult {
  /** The transport's handle for connecting (a device id, a peripheral uuid, a simulated box's name). */
  id: string;
  /** dBm; NaN when the platform does not report it. */
  rssi: number;
  /** The manufacturer data after the company id (10 bytes for a WayGo box, docs/protocol.md "Advertising"). */
  manufacturerData: Uint8Array;
}

export interface ScanOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One GATT connection to the WayGo service. */
export interface Connection {
  /** Largest chunk a write may carry: MTU − 3 (20 until the MTU is raised). */
  readonly chunkSize: number;
  readonly connected: boolean;
  /** Writes one chunk to the wallet → box characteristic. Rejects with `link_lost` when the link is gone. */
  write(chunk: Uint8Array): Promise<void>;
  /** Called with each box → wallet notification, in order. */
  onNotification(listener: (chunk: Uint8Array) => void): void;
  onDisconnect(listener: () => void): void;
  close(): Promise<void>;
}

export interface Transport {
  readonly name: string;
  /** The clock replies are awaited on; the real clock when absent. */
  readonly clock?: Clock;
  /** Rejects with `bluetooth_off` when the radio cannot scan. */
  scan(options: ScanOptions): Promise<ScanResult[]>;
  connect(id: string, options: { timeoutMs: number }): Promise<Connection>;
}
