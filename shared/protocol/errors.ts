// Wire error codes (ERROR message `code`, RECEIPT `detail`, and every failed result on the box path). Codes are
// stable: never renumber, only append. The box returns them as values; only encoders (cloud, tools) throw.
export const ERR = {
  BAD_LENGTH: 0x01,
  BAD_VERSION: 0x02,
  UNKNOWN_TYPE: 0x03,
  BAD_SUITE: 0x04,
  WRONG_BOX: 0x05,
  WRONG_KEY_VERSION: 0x06,
  NO_IV: 0x07,
  IV_EXPIRED: 0x08,
  BAD_MAC: 0x09,
  UNKNOWN_KIND: 0x0a,
  BAD_PLAINTEXT: 0x0b,
  EXPIRED: 0x0c,
  BAD_FIELD: 0x0d,
  AMOUNT_OVER_LIMIT: 0x0e,
  NOT_AUTHENTICATED: 0x0f,
  BAD_TICKET: 0x10,
  BUSY: 0x11,
  MACHINE_FAULT: 0x12,
  NOT_ACTIVATED: 0x13,
  LOG_PROOF_BAD: 0x14,
  NO_CHALLENGE: 0x15,
  UNEXPECTED: 0x16,
  SCENARIO_MISMATCH: 0x17,
  UNKNOWN_TXN: 0x18,
  DUPLICATE_TXN: 0x19,
  NOT_PERMITTED: 0x1a,
  FRAME_GAP: 0x20,
  FRAME_DUPLICATE: 0x21,
  FRAME_OVERRUN: 0x22,
  FRAME_BAD_CRC: 0x23,
  FRAME_STALE: 0x24,
  FRAME_TOO_LONG: 0x25,
  FRAME_NO_START: 0x26,
  FRAME_BAD_CHUNK: 0x27,
} as const;

export type ErrorCode = (typeof ERR)[keyof typeof ERR];

/** The protocol layer's error: a plain Error with a stable `code` (subclassing Error breaks on Espruino). */
export interface ProtocolError extends Error {
  code: number;
}

export function protocolError(code: number, message: string): ProtocolError {
  const error = new Error(message) as ProtocolError;
  error.code = code;
  return error;
}

export function isProtocolError(value: unknown): value is ProtocolError {
  return value instanceof Error && typeof (value as ProtocolError).code === 'number';
}
