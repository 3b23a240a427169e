import { CloudError } from '../errors/cloud-error.ts';

/**
 * Controls are fed by the payment service from the database; a negative, fractional or unsafe number there is a
 * bug upstream, and refusing to decide is safer than deciding on it.
 */
export function requireCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new CloudError('control_input_invalid', `${name} must be a whole number >= 0`);
  }
}
