import { decode, encode } from '../../shared/emv/index.ts';
import { crc16, utf8Encode } from '../../shared/bytes/index.ts';
import { measure } from './measure.ts';
import type { BenchFigure } from './types.ts';

// A box sticker as the cloud prints it: our merchant account, amount-less static code, additional data.
const payload = encode({
  payloadFormatIndicator: '01',
  pointOfInitiation: 'static',
  merchantAccountInformation: { '49': { '00': 'com.waygo', '01': '0011223344556677' } },
  mcc: '5814',
  currency: '901',
  country: 'TW',
  merchantName: 'WAYGO LAUNDRY',
  merchantCity: 'TAIPEI',
  additionalData: { '07': 'WASHER-03' },
});

/** Decoding is bounded below by the CRC over the payload's bytes, so that is the same-run baseline. */
export function benchEmv(): BenchFigure[] {
  const decodeRate = measure(() => decode(payload));
  const crcRate = measure(() => crc16(utf8Encode(payload)));
  return [
    { key: 'emv.decode_per_s', value: decodeRate.opsPerSecond, unit: 'op/s', baseline: 'emv.crc_per_s', spread: decodeRate.spread },
    { key: 'emv.crc_per_s', value: crcRate.opsPerSecond, unit: 'op/s', spread: crcRate.spread },
  ];
}
