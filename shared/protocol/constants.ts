// Numbers of the wire protocol, version 1. docs/protocol.md explains each; the layouts are in messages.ts and
// telegram-layout.ts.
export const PROTOCOL_VERSION = 1;
export const SUITE_V1 = 1;

export const MSG = {
  HELLO_REQUEST: 0x01,
  HELLO: 0x02,
  AUTH: 0x03,
  IV_REQUEST: 0x04,
  IV: 0x05,
  TELEGRAM: 0x06,
  RECEIPT: 0x07,
  INFO_REQUEST: 0x08,
  INFO: 0x09,
  LOG_CHALLENGE_REQUEST: 0x0a,
  LOG_CHALLENGE: 0x0b,
  LOG_READ: 0x0c,
  LOG_RECORDS: 0x0d,
  CANCEL: 0x0e,
  ERROR: 0x0f,
} as const;

export const KIND = {
  PAYMENT: 0x01,
  CONFIG: 0x02,
  CLOCK: 0x03,
  REFUND_ACK: 0x04,
  KEY_ROTATION: 0x05,
  UNLOCK: 0x06,
  CANCEL: 0x07,
} as const;

/** HELLO and INFO `flags`: bits 0..6 are states, bits 8..11 the configured scenario, the rest zero. */
export const FLAG = {
  ACTIVATED: 0x0001,
  BUSY: 0x0002,
  CLOCK_UNSET: 0x0004,
  BATTERY_LOW: 0x0008,
  INSTALL_MODE: 0x0010,
  MACHINE_FAULT: 0x0020,
  IV_OUTSTANDING: 0x0040,
  SCENARIO_SHIFT: 8,
  SCENARIO_MASK: 0x0f00,
} as const;

export const SCENARIO = {
  NONE: 0,
  PAY_BY_TIME: 1,
  PAY_BY_COUNT: 2,
  ONCE_LOCKER: 3,
  MULTI_LOCKER: 4,
  DIGITAL_INTERFACE: 5,
  MERCHANT_COUNTER: 6,
} as const;

/** AUTH `rights`: what the ticket lets this connection do. */
export const RIGHT = {
  PAY: 0x01,
  UNLOCK: 0x02,
  INFO: 0x04,
  MANAGE: 0x08,
} as const;

/** RECEIPT `status` and log record `result`. */
export const STATUS = {
  OK: 0,
  MACHINE_FAILED: 1,
  MACHINE_TIMEOUT: 2,
  REFUSED: 3,
  DUPLICATE: 4,
  CANCELLED: 5,
} as const;

export const ACK_KIND = {
  REFUND: 1,
  REFILL: 2,
} as const;

export const BOARD = {
  PUCKJS: 1,
  PIXLJS: 2,
  MDBT42Q: 3,
} as const;

/** ASCII domain labels: each MAC input starts with one, so no MAC can be replayed as another kind. */
export const LABEL = {
  HELLO: 'WG1/hello',
  TICKET: 'WG1/ticket',
  TELEGRAM: 'WG1/telegram',
  RECEIPT: 'WG1/receipt',
  POS: 'WG1/pos',
  LOG: 'WG1/log',
} as const;

export const TAG_SIZE = 16;
export const LOG_RECORD_SIZE = 48;
/** Records per LOG_RECORDS message, so one reply stays under the framing's default 512-byte limit. */
export const MAX_LOG_RECORDS = 10;

/** GATT: one service, one characteristic the wallet writes chunks to, one the box notifies chunks on. */
export const GATT = {
  SERVICE: 'd311fa50-e914-49f1-a526-f7adadf6142d',
  WALLET_TO_BOX: '7027fb1a-0342-4a16-9e73-eef2abce2b18',
  BOX_TO_WALLET: '891632f4-2e48-4b96-ab56-db901772af85',
} as const;
