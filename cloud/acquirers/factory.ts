import type { Logger } from '../types.ts';
import { parseAcquirerConfig } from './config.ts';
import { createHttpAcquirer } from './http/acquirer.ts';
import { createSimulatorAcquirer } from './simulator/simulator.ts';
import type { Acquirer } from './types.ts';

export interface AcquirerDependencies {
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => number;
  logger?: Logger;
}

/**
 * Builds the acquirer a config names. Call it once per acquirer at start and keep the instance: the simulator's
 * books live in it, so a fresh instance per request would forget earlier charges.
 */
export function createAcquirer(config: unknown, dependencies: AcquirerDependencies = {}): Acquirer {
  const parsed = parseAcquirerConfig(config);
  if (parsed.kind === 'simulator') return createSimulatorAcquirer(parsed.name);
  return createHttpAcquirer({
    name: parsed.name,
    baseUrl: parsed.baseUrl,
    secret: parsed.secret,
    merchant: parsed.merchant,
    timeoutMs: parsed.timeoutMs,
    maxAttempts: parsed.maxAttempts,
    backoff: { baseMs: parsed.backoffBaseMs, maxMs: parsed.backoffMaxMs },
    callbackToleranceS: parsed.callbackToleranceS,
    ...dependencies,
  });
}
