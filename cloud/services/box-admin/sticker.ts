// The EMV QR sticker for a box's machine: a static merchant-presented payload naming the box in the WayGo
// account template (49), signed with the merchant's QR key (template 90) so the cloud can tell it from a sticker
// printed over it. Country, city and MCC are not kept per merchant yet, so the operator passes them for printing.
import { and, desc, eq } from 'drizzle-orm';
import { WAYGO_ACCOUNT_ID, encode, wayGoAccount } from '../../../shared/emv/index.ts';
import type { EmvInput } from '../../../shared/emv/index.ts';
import { merchantQrKeys, merchants } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { createMerchantQrKey, signMerchantQr } from '../merchant-qr-keys/index.ts';
import type { BoxAdminDeps } from './deps.ts';
import { scopedBox } from './scope.ts';

export interface StickerInput {
  /** ISO 18245 merchant category code, 4 digits. */
  mcc?: string;
  /** ISO 3166 alpha-2. */
  country?: string;
  city?: string;
}

export interface Sticker {
  boxId: string;
  payload: string;
  merchantName: string;
  machineName: string | null;
  keyId: string;
}

/** EMV's merchant name (59) holds 25 characters and city (60) 15. */
const cut = (s: string, n: number) => Array.from(s).slice(0, n).join('');

/**
 * The signed payload. A merchant without a QR key gets one here (audited), so the first sticker can be printed
 * without a separate step.
 */
export function boxSticker(deps: BoxAdminDeps, principal: OperatorPrincipal, boxId: string, input: StickerInput, now: number): Sticker {
  return deps.db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    const merchant = box.ownerId === null ? undefined : tx.select().from(merchants).where(eq(merchants.id, box.ownerId)).get();
    if (!merchant) throw new CloudError('box_not_shipped', 'the box has no merchant yet; import its shipment first');
    const key = tx.select({ id: merchantQrKeys.id }).from(merchantQrKeys)
      .where(and(eq(merchantQrKeys.merchantId, merchant.id), eq(merchantQrKeys.status, 'active'))).orderBy(desc(merchantQrKeys.createdAt)).get();
    const keyId = key?.id ?? createMerchantQrKey(tx, merchant.id, { kek: deps.kek, actor: operatorActor(principal), now: () => now });
    const currency = box.config?.currency;
    const fields: EmvInput = {
      pointOfInitiation: 'static',
      merchantAccountInformation: { [WAYGO_ACCOUNT_ID]: wayGoAccount(box.id) },
      merchantName: cut(merchant.name, 25),
      ...(input.mcc ? { mcc: input.mcc } : {}),
      ...(typeof currency === 'number' ? { currency: String(currency).padStart(3, '0') } : {}),
      ...(input.country ? { country: input.country } : {}),
      ...(input.city ? { merchantCity: cut(input.city, 15) } : {}),
    };
    const payload = signMerchantQr(tx, deps.kek, keyId, encode(fields, { strict: false }));
    return { boxId: box.id, payload, merchantName: merchant.name, machineName: box.machineName, keyId };
  });
}
