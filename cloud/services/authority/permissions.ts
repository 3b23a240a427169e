/**
 * What a role may do. Every operator route names exactly one of these; the role × route test walks them all.
 * Reading payments also covers reports and CSV export, since both show the same rows.
 */
export const PERMISSIONS = [
  'payments.view',
  'payments.refund',
  'boxes.view',
  'boxes.manage',
  'merchandise.manage',
  'acquirers.manage',
  'accounts.manage',
  'audit.view',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Who is calling the operator API, as the operator-auth middleware found them. */
export interface OperatorPrincipal {
  accountId: string;
  /** null for a platform account, which sees every merchant; otherwise the only merchant it sees. */
  merchantId: string | null;
  permissions: readonly Permission[];
  /** How the caller authenticated: a browser's cookie session (CSRF-checked) or a script's API key. */
  via: 'session' | 'api_key';
  locale: 'en' | 'zh-TW';
}

/** The audit log's actor for an operator's action. */
export function operatorActor(principal: OperatorPrincipal): string {
  return `operator:${principal.accountId}`;
}
