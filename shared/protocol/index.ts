// ES5-safe public face. keys.ts (HKDF, cloud-only) is imported by its own path. The firmware imports the
// box-side modules (open, iv, tags, framing, messages) directly so no cloud code (seal) reaches its bundle.
export {
  ACK_KIND, BOARD, FLAG, GATT, KIND, LABEL, LOG_RECORD_SIZE, MAX_LOG_RECORDS, MSG, PROTOCOL_VERSION, RIGHT, SCENARIO, STATUS, SUITE_V1,
  TAG_SIZE,
} from './constants.ts';
export { ERR, protocolError, isProtocolError } from './errors.ts';
export type { ErrorCode, ProtocolError } from './errors.ts';
export type { BoxKeys, DecodeResult, Failure, FieldValue, Fields, IvSlot, OpenResult } from './types.ts';
export { decodeFields, encodeFields, layoutSize, describeLayout } from './layout.ts';
export { MESSAGE_LAYOUTS, LOG_RECORD_LAYOUT, encodeMessage, decodeMessage } from './messages.ts';
export { KIND_LAYOUTS, TELEGRAM_HEADER_SIZE, telegramMac } from './telegram-layout.ts';
export { emptyIvSlot, issueIv, takeIv } from './iv.ts';
export { openTelegram } from './open.ts';
export { sealTelegram } from './seal.ts';
export { computeTag, signTag, checkTag } from './tags.ts';
export {
  CHUNK_FIRST, CHUNK_LAST, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LENGTH, DEFAULT_STALE_MS, Reassembler, splitMessage,
} from './framing.ts';
export type { PushResult, ReassemblerOptions } from './framing.ts';
export { KEY_FILE_LAYOUT, KEY_FILE_NAME, decodeKeyFile, encodeKeyFile } from './key-file.ts';
export {
  ADV_BOOTS_AHEAD, ADV_COMPANY_ID, ADV_FORMAT, ADV_ID_SIZE, ADV_LAYOUT, ADV_UNSET_EPOCHS, ADV_WINDOW_SECONDS, advSecondsLeft, advWindow,
  advertisingId, advertisingIdentity, advertisingIdsFor, clockWindows, decodeAdvertising, encodeAdvertising, unsetWindows,
} from './advertising.ts';
export type { AdvBox, AdvIdentity, AdvMatch, AdvWindow, Advertisement, Hmac } from './advertising.ts';
