// The seed's three discovery calls. A scan sees only rotating advertising ids; finding one particular box asks
// the cloud to resolve the ids seen, strongest first, until one is that box.
import { WalletError, isWalletError } from '../errors.ts';
import type { WalletContext } from './context.ts';
import { peripheralsFrom, type Peripheral } from './peripheral.ts';

export interface DiscoverOptions {
  /** How long to listen (default: the wallet's scan timeout). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Every WayGo box in range, strongest signal first (possibly none). */
export async function discoverNearbyPeripherals(ctx: WalletContext, options: DiscoverOptions = {}): Promise<Peripheral[]> {
  const results = await ctx.transport.scan({ timeoutMs: options.timeoutMs ?? ctx.timeouts.scanMs, ...(options.signal ? { signal: options.signal } : {}) });
  const found = peripheralsFrom(results);
  ctx.logger.debug('scan', { transport: ctx.transport.name, boxes: found.length });
  return found;
}

/** The strongest box at or above `rssiMin` dBm: the one the phone is held against. */
export async function discoverNearbyPeripheralBySignalStrength(ctx: WalletContext, rssiMin: number, options: DiscoverOptions = {}): Promise<Peripheral> {
  const near = (await discoverNearbyPeripherals(ctx, options)).filter((p) => Number.isNaN(p.rssi) || p.rssi >= rssiMin);
  if (near[0] === undefined) throw new WalletError('box_not_found', `no WayGo box in range at or above ${rssiMin} dBm`);
  return near[0];
}

/** The box with this id (16 hex digits), found by resolving the advertising ids in range. */
export async function discoverNearbySpecificPeripheral(ctx: WalletContext, boxId: string, options: DiscoverOptions = {}): Promise<Peripheral> {
  const wanted = boxId.toLowerCase();
  for (const peripheral of await discoverNearbyPeripherals(ctx, options)) {
    try {
      const resolved = await ctx.cloud.resolve({ advertisingId: peripheral.advertisingId });
      if (resolved.box.id === wanted) return { ...peripheral, boxId: wanted };
    } catch (error) {
      // An id the cloud does not know is another operator's box or a stale window: keep looking.
      if (!isWalletError(error, 'cloud_error') || error.details.status !== 404) throw error;
    }
  }
  throw new WalletError('box_not_found', `box ${wanted} is not in range`);
}
