import { crc16, utf8Encode } from '../../../../shared/bytes/index.ts';

function tlv(id: string, value: string): string {
  return id + (value.length < 10 ? '0' : '') + value.length + value;
}

/**
 * The idle screen's EMV payload (seed 004: the box shows a dynamic QR with the amount and its merchant id).
 * `template` is the static payload from the configuration, made by shared/emv `encode` in the cloud (it holds
 * the WayGo account template with the box id). With an amount, the point of initiation becomes (or is added as) 12 (dynamic),
 * tag 54 is added before the CRC and the CRC is recomputed. EMVCo fixes only 00 first and 63 last, so an
 * appended 54 is valid; the template must not already carry 54. Splicing keeps the encoder and its
 * validating decoder off the box. `amount` is the tag 54 text ("12.50"), '' for the static payload.
 */
export function dynamicPayload(template: string, amount: string): string {
  if (!amount) return template;
  // The cloud's encoder writes IDs in ascending order, so 01, when present, follows 00 ("000201").
  let body = template.slice(0, template.length - 8);
  body = body.slice(0, 6) + '010212' + body.slice(body.slice(6, 8) === '01' ? 12 : 6);
  body += tlv('54', amount) + '6304';
  return body + ('000' + crc16(utf8Encode(body)).toString(16).toUpperCase()).slice(-4);
}
