// EMV lengths count characters, and a character outside the BMP is two UTF-16 code units in a JS string,
// so every length and position goes through these helpers instead of String#length.
import { crc16, toHex, utf8Encode } from '../bytes/index.ts';

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Code-unit index `count` characters after `from`, or -1 when the text ends first. */
export function advance(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count; n++) {
    if (i >= text.length) return -1;
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Number of characters (code points) in text[start, end). */
export function charCount(text: string, start?: number, end?: number): number {
  const stop = end === undefined ? text.length : end;
  let n = 0;
  for (let i = start || 0; i < stop; i++) {
    if (!(isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1)))) n++;
  }
  return n;
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** EMV payloads carry hex in upper case (CRC, signature MAC). */
export function upperHex(bytes: Uint8Array): string {
  return toHex(bytes).toUpperCase();
}

/** The four upper-case hex digits EMV puts after "6304": CRC-16/CCITT-FALSE over the UTF-8 bytes. */
export function crcHex(text: string): string {
  const crc = crc16(utf8Encode(text));
  return upperHex(new Uint8Array([crc >> 8, crc & 0xff]));
}
