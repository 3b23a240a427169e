// WayGo's own data objects inside an EMV QR: a merchant account template naming the box, and an optional
// signature template only the cloud can verify, so a counterfeit sticker (someone else's account printed
// over a machine) is exposed when the wallet asks the cloud about it. The MAC itself is the caller's job:
// the key lives in the cloud, and the codec stays free of crypto so it fits the box.
import { parsePayload } from './decode.ts';
import { EmvError } from './error.ts';
import type { EmvPayload, EmvTemplate } from './fields.ts';
import { charCount, crcHex, upperHex } from './text.ts';
import { tlv } from './tlv.ts';
import { utf8Encode } from '../bytes/index.ts';

/** Reverse-domain globally unique identifiers (EMVCo allows an AID, a UUID or a reverse domain name). */
export const WAYGO_GUID = 'com.waygo';
export const WAYGO_SIGNATURE_GUID = 'com.waygo.sig';
/** Default template IDs: 49 is rarely taken by national schemes (they favour 26-38 and 51); 90 is unreserved. */
export const WAYGO_ACCOUNT_ID = '49';
export const WAYGO_SIGNATURE_ID = '90';
/** HMAC-SHA256 truncated to 16 bytes (32 hex digits) keeps the template inside 99 characters. */
export const SIGNATURE_MAC_BYTES = 16;

/** The merchant account template for a box: sub-ID 00 = WAYGO_GUID, 01 = box id. */
export function wayGoAccount(boxId: string): EmvTemplate {
  return { '00': WAYGO_GUID, '01': boxId };
}

function isTemplateWith(value: unknown, guid: string): value is EmvTemplate {
  return typeof value === 'object' && value !== null && typeof (value as EmvTemplate)['00'] === 'string' &&
    (value as EmvTemplate)['00']!.toLowerCase() === guid;
}

/** The box id from the first WayGo merchant account template, if any. */
export function findBoxId(payload: EmvPayload): string | undefined {
  const mai = payload.merchantAccountInformation;
  if (!mai) return undefined;
  const ids = Object.keys(mai).sort();
  for (let i = 0; i < ids.length; i++) {
    const t = mai[ids[i]!];
    if (isTemplateWith(t, WAYGO_GUID)) return t['01'];
  }
  return undefined;
}

interface Located {
  at: number;
  end: number;
  template: EmvTemplate;
}

function locate(payload: string): Located | undefined {
  const fields = parsePayload(payload, false);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const sub = f.sub;
    if (+f.id < 80 || !sub) continue;
    const t: EmvTemplate = {};
    for (let j = 0; j < sub.length; j++) t[sub[j]!.id] = sub[j]!.value;
    if (isTemplateWith(t, WAYGO_SIGNATURE_GUID)) return { at: f.at, end: f.end, template: t };
  }
  return undefined;
}

/** The bytes the MAC covers: the UTF-8 payload without the signature template and without the CRC
 * object ("6304" and its value), which changes when the signature is added. */
export function signedBytes(payload: string): Uint8Array {
  const sig = locate(payload);
  const body = payload.slice(0, payload.length - 8);
  return utf8Encode(sig ? body.slice(0, sig.at) + body.slice(sig.end) : body);
}

/** Adds the signature template (00 GUID, 01 key id, 02 hex MAC truncated to 16 bytes) before the CRC. */
export function attachSignature(payload: string, keyId: string, mac: Uint8Array, id?: string): string {
  if (locate(payload)) throw new EmvError('duplicate_id', WAYGO_SIGNATURE_GUID, -1, 'payload is already signed');
  if (mac.length < SIGNATURE_MAC_BYTES) throw new EmvError('bad_input', '02', -1, 'MAC must have at least 16 bytes');
  const sigId = id === undefined ? WAYGO_SIGNATURE_ID : id;
  if (!/^[89]\d$/.test(sigId)) throw new EmvError('bad_id', sigId, -1, 'signature template ID must be 80-99');
  if (typeof keyId !== 'string' || keyId === '') throw new EmvError('bad_input', '01', -1, 'key id must be a non-empty string');
  const inner = tlv('00', WAYGO_SIGNATURE_GUID) + tlv('01', keyId) + tlv('02', upperHex(mac.subarray(0, SIGNATURE_MAC_BYTES)));
  if (charCount(inner) > 99) throw new EmvError('too_long', sigId, -1, 'signature template must be at most 99 characters');
  const body = payload.slice(0, payload.length - 8) + tlv(sigId, inner) + '6304';
  const signed = body + crcHex(body);
  parsePayload(signed, false);
  return signed;
}

export interface Signature {
  keyId: string;
  /** Upper-case hex as carried in the payload; compare in constant time after upper-casing your own. */
  mac: string;
  signed: Uint8Array;
}

/** The signature template's key id and MAC with the bytes they cover, or undefined when unsigned. */
export function readSignature(payload: string): Signature | undefined {
  const sig = locate(payload);
  if (!sig) return undefined;
  const keyId = sig.template['01'];
  const mac = sig.template['02'];
  if (keyId === undefined || mac === undefined) throw new EmvError('missing_field', WAYGO_SIGNATURE_GUID, -1, 'signature template needs 01 and 02');
  return { keyId: keyId, mac: mac.toUpperCase(), signed: signedBytes(payload) };
}
