// Each merchant's acquirer: which gateway and its public settings in the clear, its secret sealed under the KEK
// and bound to the merchant's row. The secret goes in and never comes back out: reads say only `secretSet`.
import { eq } from 'drizzle-orm';
import { parseAcquirerConfig, type AcquirerConfig } from '../../acquirers/config.ts';
import { appendAudit } from '../../audit/append.ts';
import type { JsonValue } from '../../audit/canonical-json.ts';
import type { Kek } from '../../crypto/kek.ts';
import { openSecret, sealSecret } from '../../crypto/seal.ts';
import type { Executor } from '../../db/open.ts';
import { acquirerSettings } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { requirePermission, visibleMerchant } from './access.ts';

export const ACQUIRER_KINDS = ['simulator', 'http'] as const;

export interface AcquirerSettingsInput {
  kind: (typeof ACQUIRER_KINDS)[number];
  /** Everything but the secret: for `http`, baseUrl and merchant (and optionally name, timeouts, retries). */
  settings: Record<string, unknown>;
  /** Absent keeps the secret already set. */
  secret?: string;
}

export interface AcquirerSettingsView {
  merchantId: string;
  kind: AcquirerSettingsInput['kind'];
  settings: Record<string, unknown>;
  secretSet: boolean;
  updatedAt: number;
  updatedBy: string;
}

type Row = typeof acquirerSettings.$inferSelect;

const context = (merchantId: string) => `acquirer_settings/${merchantId}/secret`;

const view = (r: Row): AcquirerSettingsView => ({
  merchantId: r.merchantId, kind: r.kind, settings: r.settings, secretSet: r.sealedSecret !== null, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
});

function openedSecret(kek: Kek, row: Row | undefined): string | undefined {
  if (!row?.sealedSecret) return undefined;
  return Buffer.from(openSecret(kek, row.sealedSecret, context(row.merchantId))).toString('utf8');
}

/** The public half of a checked config: what the operator typed, less the secret and the kind. */
function publicSettings(config: AcquirerConfig): Record<string, JsonValue> {
  const { kind: _kind, ...rest } = config;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(rest)) if (k !== 'secret') out[k] = v as JsonValue;
  return out;
}

function checkUrl(config: AcquirerConfig): void {
  if (config.kind === 'http') {
    const url = new URL(config.baseUrl);
    if (url.username !== '' || url.password !== '') throw new CloudError('acquirer_config_invalid', 'baseUrl must not carry credentials: put the secret in `secret`');
  }
}

export function getAcquirerSettings(db: Executor, principal: OperatorPrincipal, merchantId: string): AcquirerSettingsView | null {
  requirePermission(principal, 'acquirers.manage');
  visibleMerchant(db, principal, merchantId);
  const row = db.select().from(acquirerSettings).where(eq(acquirerSettings.merchantId, merchantId)).get();
  return row ? view(row) : null;
}

export function setAcquirerSettings(db: Executor, kek: Kek, principal: OperatorPrincipal, merchantId: string, input: AcquirerSettingsInput, now: number): AcquirerSettingsView {
  requirePermission(principal, 'acquirers.manage');
  return db.transaction((tx) => {
    visibleMerchant(tx, principal, merchantId);
    const before = tx.select().from(acquirerSettings).where(eq(acquirerSettings.merchantId, merchantId)).get();
    const secret = input.kind === 'http' ? input.secret ?? openedSecret(kek, before) : undefined;
    const { kind: _k, secret: _s, ...settings } = input.settings;
    const config = parseAcquirerConfig({ ...settings, kind: input.kind, ...(secret === undefined ? {} : { secret }) });
    checkUrl(config);
    const sealed = secret === undefined ? null : Buffer.from(sealSecret(kek, Buffer.from(secret, 'utf8'), context(merchantId)));
    const row = { merchantId, kind: input.kind, settings: publicSettings(config), sealedSecret: sealed, updatedAt: now, updatedBy: operatorActor(principal) };
    tx.insert(acquirerSettings).values(row).onConflictDoUpdate({ target: acquirerSettings.merchantId, set: row }).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'acquirer_settings.updated', subjectType: 'merchant', subjectId: merchantId,
      data: { merchantId, kind: input.kind, settings: row.settings, secretChanged: input.secret !== undefined, previousKind: before?.kind ?? null },
    });
    return view(tx.select().from(acquirerSettings).where(eq(acquirerSettings.merchantId, merchantId)).get()!);
  });
}

/**
 * The merchant's acquirer config with its secret opened, as cloud/acquirers/factory.ts takes it; undefined when
 * the merchant has none. Payments build their acquirer from it (cloud/services/payments/acquirer-choice.ts).
 */
export function merchantAcquirerConfig(db: Executor, kek: Kek, merchantId: string): AcquirerConfig | undefined {
  const row = db.select().from(acquirerSettings).where(eq(acquirerSettings.merchantId, merchantId)).get();
  if (!row) return undefined;
  const secret = openedSecret(kek, row);
  return parseAcquirerConfig({ ...row.settings, kind: row.kind, ...(secret === undefined ? {} : { secret }) });
}
