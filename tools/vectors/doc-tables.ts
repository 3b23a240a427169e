// Renders the layout tables of docs/protocol.md from the layouts the code uses, so the two cannot drift.
import { ERR, KIND, KIND_LAYOUTS, LOG_RECORD_LAYOUT, MESSAGE_LAYOUTS, MSG, describeLayout } from '../../shared/protocol/index.ts';

const DIRECTION: Record<number, string> = {
  [MSG.HELLO_REQUEST]: 'W', [MSG.HELLO]: 'B', [MSG.AUTH]: 'W', [MSG.IV_REQUEST]: 'W', [MSG.IV]: 'B',
  [MSG.TELEGRAM]: 'W', [MSG.RECEIPT]: 'B', [MSG.INFO_REQUEST]: 'W', [MSG.INFO]: 'B',
  [MSG.LOG_CHALLENGE_REQUEST]: 'W', [MSG.LOG_CHALLENGE]: 'B', [MSG.LOG_READ]: 'W', [MSG.LOG_RECORDS]: 'B',
  [MSG.CANCEL]: 'W', [MSG.ERROR]: 'B',
};

const MEANING: Record<string, string> = {
  version: 'protocol version, 1',
  type: 'message type',
  challenge: 'fresh random challenge from the wallet (from the cloud); the HELLO proof covers it',
  boxId: 'the box id',
  flags: 'state bits, see "Flags"',
  firmwareVersion: 'firmware version, major ‖ minor',
  keyVersion: 'version of the key set in use',
  counter: 'monotonic count of transactions the box has run (cloud checks serial coherence)',
  clock: 'box wall clock, Unix seconds, 0 = unset',
  boxNonce: 'hardware-RNG nonce, fresh per connection; the AUTH ticket is bound to it',
  proof: 'tag, see "Proofs"',
  walletId: 'wallet app id (cloud-assigned)',
  rights: 'RIGHT bits this ticket grants',
  validSeconds: 'seconds the authentication lasts on this connection, from its arrival',
  ticket: 'tag issued by the cloud, see "Proofs"',
  iv: 'one-time IV from the hardware RNG',
  ttlSeconds: 'seconds the IV stays valid',
  suite: 'telegram suite, 1 = AES-256-CBC + HMAC-SHA256-128',
  kind: 'telegram kind',
  blocks: 'ciphertext length / 16 (≥ 1)',
  ciphertext: 'AES-256-CBC(encKey, iv, plaintext), no padding',
  mac: 'tag, see "Proofs" / "Telegram"',
  txnId: 'transaction id (cloud-chosen)',
  status: 'STATUS code',
  logSeq: 'sequence number of the log record written for this transaction',
  time: 'Unix seconds',
  detail: 'error code or machine detail, 0 = none',
  boardId: 'BOARD code',
  configVersion: 'version of the applied configuration',
  battery: 'battery charge, percent',
  logCount: 'records in the log',
  logCapacity: 'records the log can hold',
  nonce: 'hardware-RNG nonce for one LOG_READ',
  fromSeq: 'first log sequence number wanted',
  count: 'number of records',
  records: 'log records, 48 bytes each',
  code: 'ERR code',
  issuedAt: 'Unix seconds when the cloud sealed it',
  expiresAt: 'Unix seconds after which the box refuses it (0 = never; checked only with the clock set)',
  amount: 'amount in minor units',
  currency: 'ISO 4217 numeric currency',
  scenario: 'SCENARIO code',
  outputIndex: 'output 0..3 the action applies to',
  units: 'minutes (pay by time), count (pay by count), hours (lockers), quantity (digital interface)',
  sku: 'SKU sent to the machine (digital interface), 0 = none',
  outputMask: 'outputs the scenario drives (bit n = output n)',
  activeLevels: 'bit n set: output n is active high',
  inputRoles: 'low nibble input 0 role, high nibble input 1 role (0 none, 1 dispense ack, 2 open button, 3 fault)',
  pulseMs: 'pulse width, ms',
  gapMs: 'gap between pulses, ms',
  pulsesPerUnit: 'pulses per paid unit (pay by count)',
  rssiMin: 'minimum RSSI as −dBm, 0 = no gate',
  unitSeconds: 'seconds per paid unit (pay by time, lockers)',
  unitPrice: 'price per unit in minor units',
  maxAmount: 'largest amount per transaction, minor units',
  uartBaud: 'UART baud rate (digital interface)',
  uartFraming: 'bits 0..3 data bits, bits 4..5 parity (0 none, 1 odd, 2 even), bit 6 two stop bits',
  options: 'scenario option bits, 0 = defaults',
  originalTxnId: 'txnId of the payment refunded or refilled',
  ackKind: 'ACK_KIND code',
  encKey: 'new encryption key',
  macKey: 'new MAC key',
  posKey: 'new POS key',
  paymentTxnId: 'txnId of the locker payment whose window allows the opening',
  cancelTxnId: 'txnId to cancel',
  seq: 'record sequence number',
  result: 'STATUS code of the transaction',
  reserved: 'zero; a receiver refuses non-zero',
};

function typeOf(kind: string, size: string): string {
  if (kind === 'uint') return 'uint' + Number(size) * 8;
  const [unit, count] = size.split('/');
  return count === undefined ? `bytes[${size}]` : `bytes[${unit} × ${count}]`;
}

function table(layout: string, header: boolean): string {
  const rows = header ? [['version', 'uint', '1'], ['type', 'uint', '1']] : [];
  let fixed = 0;
  let variable = '';
  const lines = ['| offset | size | field | type | meaning |', '| --- | --- | --- | --- | --- |'];
  for (const [name, kind, size] of rows.concat(describeLayout(layout))) {
    const [unit, count] = size!.split('/');
    const shown = count === undefined ? size : `${unit} × ${count}`;
    lines.push(`| ${fixed}${variable} | ${shown} | ${name} | ${typeOf(kind!, size!)} | ${MEANING[name!] ?? ''} |`);
    if (count === undefined) fixed += Number(size);
    else variable = ` + ${unit}·${count}`;
  }
  return lines.join('\n');
}

function nameOf(table: Record<string, number>, value: number): string {
  return Object.keys(table).find((k) => table[k] === value)!;
}

const ERROR_MEANING: Record<string, string> = {
  BAD_LENGTH: 'message shorter or longer than its layout (telegram: blocks disagrees with the length)',
  BAD_VERSION: 'version byte is not 1',
  UNKNOWN_TYPE: 'type unknown, or not the type expected here (e.g. openTelegram given another message)',
  BAD_SUITE: 'telegram suite is not 1',
  WRONG_BOX: 'telegram boxId is not this box',
  WRONG_KEY_VERSION: 'telegram keyVersion is not the key set the box holds',
  NO_IV: 'no IV outstanding on this connection (never asked, or already used)',
  IV_EXPIRED: 'the IV outlived its ttlSeconds',
  BAD_MAC: 'telegram MAC does not verify',
  UNKNOWN_KIND: 'telegram kind unknown (checked after the MAC)',
  BAD_PLAINTEXT: 'decrypted plaintext has the wrong size for its kind or a non-zero reserved byte',
  EXPIRED: 'telegram expiresAt is past on a box whose clock is set',
  BAD_FIELD: 'a field value is out of range (receiver) / encoder input invalid (sender)',
  AMOUNT_OVER_LIMIT: 'payment amount above the configured maxAmount',
  NOT_AUTHENTICATED: 'request needs a valid AUTH on this connection first',
  BAD_TICKET: 'AUTH ticket does not verify for this box and boxNonce',
  BUSY: 'the box is running a machine action; retry later',
  MACHINE_FAULT: 'the machine reported a fault; outputs are inactive',
  NOT_ACTIVATED: 'the box has no configuration yet',
  LOG_PROOF_BAD: 'LOG_READ proof does not verify',
  NO_CHALLENGE: 'LOG_READ without an outstanding LOG_CHALLENGE nonce',
  UNEXPECTED: 'message valid but not allowed in this direction or state',
  SCENARIO_MISMATCH: 'payment scenario is not the configured one',
  UNKNOWN_TXN: 'unlock/cancel/refund names a txnId the box does not know',
  DUPLICATE_TXN: 'txnId already executed (the stored RECEIPT is sent again)',
  NOT_PERMITTED: 'the AUTH rights do not cover this request',
  FRAME_GAP: 'chunk sequence skipped a number (lost or reordered chunk)',
  FRAME_DUPLICATE: 'chunk sequence repeated the previous number',
  FRAME_OVERRUN: 'chunks carried more bytes than length + CRC',
  FRAME_BAD_CRC: 'CRC-16 of the reassembled message does not match',
  FRAME_STALE: 'partial message idle longer than the stale timeout (2000 ms)',
  FRAME_TOO_LONG: 'declared length above the receiver maximum (512)',
  FRAME_NO_START: 'continuation chunk with no message started',
  FRAME_BAD_CHUNK: 'malformed chunk: FIRST with sequence ≠ 0 or no length, length 0, empty continuation, LAST on the wrong chunk',
};

export function errorTable(): string {
  const lines = ['| code | name | meaning |', '| --- | --- | --- |'];
  for (const name of Object.keys(ERR) as (keyof typeof ERR)[]) {
    const meaning = ERROR_MEANING[name];
    if (meaning === undefined) throw new Error('no documentation for error ' + name);
    lines.push(`| 0x${ERR[name].toString(16).padStart(2, '0')} | ${name} | ${meaning} |`);
  }
  return lines.join('\n');
}

export function layoutTables(): string {
  const parts: string[] = ['### Messages', '', 'Direction: W = wallet → box, B = box → wallet.'];
  MESSAGE_LAYOUTS.forEach((layout, type) => {
    if (layout === undefined) return;
    const hex = '0x' + type.toString(16).padStart(2, '0').toUpperCase();
    parts.push('', `#### ${hex} ${nameOf(MSG, type)} (${DIRECTION[type]})`, '', table(layout, true));
  });
  parts.push('', '### Telegram plaintexts', '');
  KIND_LAYOUTS.forEach((layout, kind) => {
    if (layout === undefined) return;
    parts.push(`#### kind 0x0${kind} ${nameOf(KIND, kind)}`, '', table(layout, false), '');
  });
  parts.push('### Log record (48 bytes)', '', table(LOG_RECORD_LAYOUT, false), '', '### Error codes', '', errorTable());
  return parts.join('\n');
}
