import { SCENARIO } from '../../../../shared/protocol/constants.ts';
import type { SelectOption } from '../../components/index.ts';
import type { Translate } from '../../i18n/index.ts';

/** Scenario codes with their i18n keys, in the seed's table order (0 = not configured). */
export const SCENARIOS: { code: number; key: string }[] = Object.entries(SCENARIO).map(([name, code]) => ({ code, key: `scenario.${name.toLowerCase()}` }));

export function scenarioOptions(t: Translate, withNone: boolean): SelectOption[] {
  return SCENARIOS.filter((s) => withNone || s.code !== SCENARIO.NONE).map((s) => ({ value: String(s.code), label: t(s.key) }));
}

export function scenarioLabel(t: Translate, code: number): string {
  const found = SCENARIOS.find((s) => s.code === code);
  return found ? t(found.key) : String(code);
}
