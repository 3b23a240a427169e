// What a merchandise row tells the machine, per scenario: the parameter the payment service reads to turn items
// into machine units (cloud/services/payments/pricing.ts) plus the output or UART sku. Checked strictly, so a
// typo is refused instead of silently meaning "1 unit".
import { z } from 'zod';
import { SCENARIO } from '../../../shared/protocol/constants.ts';
import { CloudError } from '../../errors/cloud-error.ts';

const units = z.number().int().min(1).max(0xffff);
const output = z.number().int().min(0).max(3).optional();

export const SCENARIO_PARAMS = {
  pay_by_time: z.strictObject({ minutes: units, outputIndex: output }),
  pay_by_count: z.strictObject({ count: units, outputIndex: output }),
  once_locker: z.strictObject({ hours: units, outputIndex: output }),
  multi_locker: z.strictObject({ hours: units, outputIndex: output }),
  digital_interface: z.strictObject({ machineSku: z.number().int().min(0).max(0xffffffff) }),
  merchant_counter: z.strictObject({}),
} as const;

export type ScenarioName = keyof typeof SCENARIO_PARAMS;
export const SCENARIO_NAMES = Object.keys(SCENARIO_PARAMS) as ScenarioName[];

/** The protocol's scenario code of each name. */
export const SCENARIO_CODES: Record<ScenarioName, number> = {
  pay_by_time: SCENARIO.PAY_BY_TIME, pay_by_count: SCENARIO.PAY_BY_COUNT, once_locker: SCENARIO.ONCE_LOCKER,
  multi_locker: SCENARIO.MULTI_LOCKER, digital_interface: SCENARIO.DIGITAL_INTERFACE, merchant_counter: SCENARIO.MERCHANT_COUNTER,
};

/** The params checked for the scenario, as stored (the scenario's name kept beside them for the edit form). */
export function checkScenarioParams(scenario: ScenarioName, params: unknown): Record<string, unknown> {
  const parsed = SCENARIO_PARAMS[scenario].safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CloudError('scenario_params_invalid', `${scenario}: ${issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'invalid params'}`);
  }
  return { scenario, ...parsed.data };
}

/** A stored row's params split back into the scenario it was checked for and the params themselves. */
export function readScenarioParams(stored: Record<string, unknown>): { scenario: ScenarioName | null; params: Record<string, unknown> } {
  const { scenario, ...params } = stored;
  const known = typeof scenario === 'string' && (SCENARIO_NAMES as string[]).includes(scenario);
  return { scenario: known ? (scenario as ScenarioName) : null, params };
}
