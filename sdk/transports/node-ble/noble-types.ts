// The slice of @abandonware/noble's API this transport uses, so it type-checks (and can be driven by a fake in
// tests) whether or not the optional package and its native parts are installed.

export interface NobleCharacteristic {
  uuid: string;
  writeAsync(data: Uint8Array, withoutResponse: boolean): Promise<void>;
  subscribeAsync(): Promise<void>;
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
}

export interface NoblePeripheral {
  id: string;
  rssi: number;
  /** Negotiated ATT MTU once connected (null before the exchange). */
  mtu?: number | null;
  state: string;
  advertisement: { manufacturerData?: Uint8Array };
  connectAsync(): Promise<void>;
  disconnectAsync(): Promise<void>;
  discoverSomeServicesAndCharacteristicsAsync(services: string[], characteristics: string[]): Promise<{ characteristics: NobleCharacteristic[] }>;
  once(event: 'disconnect', listener: () => void): unknown;
}

export interface Noble {
  /** 'poweredOn' when scanning is possible; 'poweredOff', 'unauthorized', 'unsupported', 'unknown' otherwise. */
  state: string;
  on(event: 'stateChange', listener: (state: string) => void): unknown;
  on(event: 'discover', listener: (peripheral: NoblePeripheral) => void): unknown;
  removeListener(event: 'stateChange' | 'discover', listener: (...args: never[]) => void): unknown;
  startScanningAsync(serviceUuids?: string[], allowDuplicates?: boolean): Promise<void>;
  stopScanningAsync(): Promise<void>;
}
