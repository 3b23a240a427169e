import type { DisplayConfig } from '../../core/display/index.ts';
import { readFile } from '../espruino/storage.ts';

/**
 * What the idle screen shows, written by provisioning as JSON in Storage (`waygo.ui`): the merchant name, the
 * box's static EMV payload as the cloud encoded and signed it, its currency and the staff's amount step. The
 * CONFIG telegram has no room for a 100-character payload, hence a file of its own.
 */
export const DISPLAY_FILE = 'waygo.ui';

export function readDisplayConfig(): DisplayConfig {
  const bytes = readFile(DISPLAY_FILE);
  const unset: DisplayConfig = { merchant: 'WayGo', template: '', currency: 0, amountStep: 0 };
  if (bytes === undefined) return unset;
  // A loop, not String.fromCharCode.apply: Espruino's apply takes at most 256 arguments.
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  try {
    const parsed = JSON.parse(text) as Partial<DisplayConfig>;
    return {
      merchant: String(parsed.merchant || unset.merchant),
      template: String(parsed.template || ''),
      currency: Number(parsed.currency) || 0,
      amountStep: Number(parsed.amountStep) || 0,
    };
  } catch {
    return unset;
  }
}
