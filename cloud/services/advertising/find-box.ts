// From what a wallet's BLE scan saw to the box: the manufacturer data, or the id alone.
import { ADV_COMPANY_ID, decodeAdvertising } from '../../../shared/protocol/advertising.ts';
import { FLAG } from '../../../shared/protocol/constants.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { AdvertisingIndex } from './advertising-index.ts';
import type { AdvResolved } from './table.ts';

/** What the wallet sends: the 8-byte id as 16 hex digits, or the manufacturer data it received. */
export type Advertised = { advertisingId: string } | { advertising: Uint8Array };

/**
 * The manufacturer data after the company id (Android's ScanRecord gives it so), or with the 2-byte company id
 * in front (iOS's CBAdvertisementDataManufacturerDataKey does).
 */
function withoutCompanyId(bytes: Uint8Array): Uint8Array {
  const prefixed = bytes.length === 12 && bytes[0] === (ADV_COMPANY_ID & 255) && bytes[1] === ADV_COMPANY_ID >> 8;
  return prefixed ? bytes.subarray(2) : bytes;
}

/**
 * The box and window of an advertised id. With the manufacturer data, its CLOCK_UNSET flag must agree with the
 * table the id is found in: the box sets it exactly when it shows a clock-unset id. Throws CloudError
 * `advertising_invalid` (not WayGo manufacturer data) or `advertising_id_unknown`.
 */
export function findAdvertisedBox(index: AdvertisingIndex, advertised: Advertised): AdvResolved {
  let advIdHex: string;
  let clockUnset: boolean | undefined;
  if ('advertisingId' in advertised) {
    advIdHex = advertised.advertisingId.toLowerCase();
  } else {
    const ad = decodeAdvertising(withoutCompanyId(advertised.advertising));
    if (typeof ad === 'number') throw new CloudError('advertising_invalid', 'not WayGo manufacturer data (format 1: format, flags, 8-byte id)');
    advIdHex = Buffer.from(ad.advId).toString('hex');
    clockUnset = (ad.flags & FLAG.CLOCK_UNSET) !== 0;
  }
  const found = index.resolve(advIdHex);
  if (!found || (clockUnset !== undefined && clockUnset === found.window.clockSet)) {
    throw new CloudError('advertising_id_unknown', 'no box advertises this id now');
  }
  return found;
}
