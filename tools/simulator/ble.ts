import { SimulatorError } from './errors.ts';
import { toHost, toHostBytes, type Realm } from './realm.ts';
import type { Scheduler } from './scheduler.ts';

type Characteristic = { maxLen?: number; notify?: boolean; writable?: boolean; onWrite?: (event: { data: ArrayBuffer }) => void };
type Services = Record<string, Record<string, Characteristic>>;

/** What the bundle did with the radio, as host values tests can compare. */
export interface BleTrace {
  services: unknown;
  serviceOptions: unknown;
  advertising: { t: number; data: unknown; options: unknown }[];
  address: string | undefined;
  securitySettings: unknown;
}

/** The wallet's end of one connection. */
export interface Link {
  readonly mtu: number;
  connected: boolean;
  /** Notifications that reached the wallet, in order. */
  notifications: Uint8Array[];
  /** Notifications lost by `loseNotifications(n, 'silent')`. */
  lost: Uint8Array[];
  /** Writes one chunk (at most MTU − 3 bytes) to the characteristic with onWrite, or to `uuid`. */
  write(chunk: ArrayLike<number>, uuid?: string): void;
  /**
   * Radio buffer full for the next `count` notifications: 'throw' makes NRF.updateServices throw, as Espruino
   * does when it cannot queue one; 'silent' accepts them and never delivers them.
   */
  loseNotifications(count: number, how?: 'throw' | 'silent'): void;
  disconnect(): void;
}

export interface Radio {
  trace: BleTrace;
  /** The NRF global for one boot. */
  object(realm: Realm): Record<string, unknown>;
  connect(options?: { mtu?: number }): Link;
  /** A reset drops the connection (the wallet sees it end). */
  reset(): void;
}

export function createRadio(scheduler: Scheduler): Radio {
  const trace: BleTrace = { services: undefined, serviceOptions: undefined, advertising: [], address: undefined, securitySettings: undefined };
  let services: Services = {};
  let handlers: Record<string, ((arg: unknown) => void)[]> = {};
  let link: (Link & { throwing: number; silent: number }) | undefined;
  let realm: Realm | undefined;

  function emit(event: string, arg: unknown): void {
    for (const fn of handlers[event] ?? []) scheduler.dispatch(() => fn(arg));
  }

  function drop(reason: number): void {
    if (link === undefined) return;
    link.connected = false;
    link = undefined;
    emit('disconnect', reason);
  }

  function notify(value: unknown): void {
    const bytes = toHostBytes(value, true);
    if (link === undefined || bytes === undefined) return;
    if (link.throwing > 0) {
      link.throwing--;
      throw new Error('BLE error 0x13 (BLE_ERROR_NO_TX_PACKETS): radio buffer full');
    }
    if (bytes.length > link.mtu - 3) throw new Error(`notification of ${bytes.length} bytes exceeds MTU - 3 = ${link.mtu - 3}`);
    if (link.silent > 0) {
      link.silent--;
      link.lost.push(bytes);
      return;
    }
    link.notifications.push(bytes);
  }

  return {
    trace,
    object(r) {
      realm = r;
      handlers = {};
      services = {};
      return {
        setServices(s: unknown, options: unknown) {
          services = (s ?? {}) as Services;
          trace.services = toHost(s);
          trace.serviceOptions = toHost(options);
        },
        updateServices(update: unknown) {
          for (const [svc, chars] of Object.entries((update ?? {}) as Services)) {
            for (const [uuid, change] of Object.entries(chars)) {
              const known = services[svc]?.[uuid];
              if (known === undefined) throw new Error(`updateServices: no characteristic ${uuid}`);
              if ((change as { notify?: boolean }).notify && known.notify) notify((change as { value?: unknown }).value);
            }
          }
        },
        setAdvertising: (data: unknown, options: unknown) => void trace.advertising.push({ t: scheduler.now(), data: toHost(data), options: toHost(options) }),
        setAddress: (address: unknown) => void (trace.address = String(address)),
        setSecurity: (settings: unknown) => void (trace.securitySettings = toHost(settings)),
        on(event: unknown, fn: unknown) {
          if (typeof fn === 'function') (handlers[String(event)] ??= []).push(fn as (arg: unknown) => void);
        },
        removeAllListeners: (event: unknown) => void (event === undefined ? (handlers = {}) : delete handlers[String(event)]),
        // 0x16: connection terminated by the local host.
        disconnect: () => drop(0x16),
      };
    },
    connect(options) {
      if (link !== undefined) throw new SimulatorError('bad_argument', 'a wallet is already connected (one central at a time)');
      const mtu = options?.mtu ?? 23;
      const created = {
        mtu, connected: true, notifications: [] as Uint8Array[], lost: [] as Uint8Array[], throwing: 0, silent: 0,
        write(chunk: ArrayLike<number>, uuid?: string) {
          if (!created.connected) throw new SimulatorError('not_connected', 'the link is closed');
          if (chunk.length > mtu - 3) throw new SimulatorError('mtu', `a write of ${chunk.length} bytes exceeds MTU - 3 = ${mtu - 3}`);
          const target = findWritable(services, uuid);
          if (target.maxLen !== undefined && chunk.length > target.maxLen) throw new SimulatorError('mtu', `a write of ${chunk.length} bytes exceeds maxLen ${target.maxLen}`);
          const data = realm!.buffer(chunk);
          scheduler.dispatch(() => target.onWrite!({ data }));
        },
        loseNotifications(count: number, how?: 'throw' | 'silent') {
          if (how === 'silent') created.silent += count;
          else created.throwing += count;
        },
        // 0x13: remote user terminated the connection.
        disconnect: () => {
          if (link === created) drop(0x13);
        },
      };
      link = created;
      emit('connect', '12:34:56:78:9a:bc public');
      return created;
    },
    reset() {
      if (link !== undefined) link.connected = false;
      link = undefined;
      handlers = {};
    },
  };
}

function findWritable(services: Services, uuid: string | undefined): Characteristic {
  for (const chars of Object.values(services)) {
    for (const [id, c] of Object.entries(chars)) if ((uuid === undefined || id === uuid) && typeof c.onWrite === 'function') return c;
  }
  throw new SimulatorError('not_connected', uuid === undefined ? 'no writable characteristic is served' : `no writable characteristic ${uuid}`);
}
