// The configuration rules (docs/scenarios.md). A CONFIG is checked before it is stored, and the stored one again
// at boot, so the box never runs a scenario with a zero pulse width or a window of zero seconds.
import { SCENARIO } from '../../../../shared/protocol/constants.ts';
import { ERR } from '../../../../shared/protocol/errors.ts';
import type { Fields } from '../../../../shared/protocol/types.ts';

export const CONFIG_FILE = 'waygo.cfg';

/** `inputRoles` nibble values. BUSY is this firmware's addition to the protocol's 0..3. */
export const ROLE = { ACK: 1, OPEN: 2, FAULT: 3, BUSY: 4 } as const;

// Fields that must be non-zero, per scenario (index = SCENARIO code). Scenarios 1..4 are unit-priced: the box
// itself turns units into time or pulses, so it insists on a price it can check the amount against.
const REQUIRED = [
  '',
  'outputMask unitPrice unitSeconds',
  'outputMask unitPrice pulseMs gapMs pulsesPerUnit',
  'outputMask unitPrice unitSeconds pulseMs',
  'outputMask unitPrice unitSeconds pulseMs',
  'uartBaud',
  '',
];

/** Decoded CONFIG or PAYMENT fields read as numbers (their byte fields are never read through it). */
export type Numbers = Record<string, number>;

/** 0 when `f` (decoded CONFIG fields) can run, else ERR.BAD_FIELD. */
export function configError(fields: Fields): number {
  const f = fields as Numbers;
  const need = REQUIRED[f.scenario!];
  if (need === undefined || f.scenario === SCENARIO.NONE || f.outputMask! > 15 || ((f.uartFraming! >> 4) & 3) === 3) return ERR.BAD_FIELD;
  const names = ('currency maxAmount ' + need).split(' ');
  for (let i = 0; i < names.length; i++) if (names[i] && !(f[names[i]!]! > 0)) return ERR.BAD_FIELD;
  return 0;
}

/**
 * 0 when PAYMENT `f` fits configuration `cfg`. Amount rule: with a unit price (always for scenarios 1..4,
 * optional for the digital interface, whose SKUs may each have their own) amount = units × unitPrice exactly;
 * the merchant counter takes any amount from 1 to maxAmount.
 */
export function paymentError(config: Fields | undefined, fields: Fields): number {
  if (config === undefined) return ERR.NOT_ACTIVATED;
  const cfg = config as Numbers;
  const f = fields as Numbers;
  const scenario = cfg.scenario!;
  const counter = scenario === SCENARIO.MERCHANT_COUNTER;
  const amount = f.amount!;
  if (f.scenario !== scenario) return ERR.SCENARIO_MISMATCH;
  if (amount > cfg.maxAmount!) return ERR.AMOUNT_OVER_LIMIT;
  if (f.currency !== cfg.currency || !amount || (!counter && !f.units)) return ERR.BAD_FIELD;
  const output = f.outputIndex!;
  if (scenario <= SCENARIO.MULTI_LOCKER && !(output < 4 && (cfg.outputMask! >> output) & 1)) return ERR.BAD_FIELD;
  return !counter && cfg.unitPrice && amount !== f.units! * cfg.unitPrice ? ERR.BAD_FIELD : 0;
}

