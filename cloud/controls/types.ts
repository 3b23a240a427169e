/** Reasons a payment is refused; stable, so clients and the audit log can key on them. */
export const CONTROL_CODES = [
  'amount_invalid',
  'box_lost',
  'box_stolen',
  'box_blocked',
  'wallet_blocked',
  'transaction_max_exceeded',
  'box_daily_amount_exceeded',
  'box_daily_count_exceeded',
  'wallet_daily_amount_exceeded',
  'wallet_daily_count_exceeded',
] as const;
export type ControlCode = (typeof CONTROL_CODES)[number];

/** Observations that do not refuse a payment but put it (or the box) up for review. */
export const CONTROL_FLAGS = ['counter_gap', 'counter_duplicate', 'counter_decrease', 'burst_box', 'burst_wallet', 'amount_spike'] as const;
export type ControlFlag = (typeof CONTROL_FLAGS)[number];

export interface ControlDecision {
  allow: boolean;
  /** Set exactly when allow is false. */
  code?: ControlCode;
  flags: ControlFlag[];
}

export const allowed = (flags: ControlFlag[] = []): ControlDecision => ({ allow: true, flags });
export const refused = (code: ControlCode, flags: ControlFlag[] = []): ControlDecision => ({ allow: false, code, flags });
