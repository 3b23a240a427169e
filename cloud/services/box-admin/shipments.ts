import { eq, inArray } from 'drizzle-orm';
import { SCENARIO } from '../../../shared/protocol/constants.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { boxShipments, boxes, merchants } from '../../db/schema/index.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { boxMerchantId } from './scope.ts';
import { MAX_REPORTED_ERRORS, parseShipmentCsv, type CsvLineError, type ShipmentLine } from './shipping-csv.ts';

export type ShipmentImport =
  | { ok: true; imported: number; created: number; updated: number }
  | { ok: false; errors: CsvLineError[] };

/** Line checks that need the database: the merchant exists (and is the caller's own), the box is free to ship there. */
function checkAgainstDb(db: Executor, principal: OperatorPrincipal, lines: ShipmentLine[]): { errors: CsvLineError[]; merchantIds: Record<string, string> } {
  const codes = [...new Set(lines.map((l) => l.merchantCode))];
  const found = db.select({ id: merchants.id, code: merchants.code }).from(merchants).where(inArray(merchants.code, codes)).all();
  const merchantIds = Object.fromEntries(found.filter((m) => principal.merchantId === null || m.id === principal.merchantId).map((m) => [m.code!, m.id]));
  const existing = db.select({ id: boxes.id, storeId: boxes.storeId, ownerId: boxMerchantId }).from(boxes)
    .where(inArray(boxes.id, lines.map((l) => l.boxId))).all();
  const byId = Object.fromEntries(existing.map((b) => [b.id, b]));
  const errors: CsvLineError[] = [];
  for (const l of lines) {
    const merchantId = merchantIds[l.merchantCode];
    if (merchantId === undefined) {
      errors.push({ line: l.line, column: 'merchant_code', code: 'merchant_not_found', message: `no merchant with code ${l.merchantCode}` });
      continue;
    }
    const box = byId[l.boxId];
    const foreign = box !== undefined && box.ownerId !== null && box.ownerId !== merchantId;
    // The same answer whether the box is another tenant's or placed already, so a merchant learns nothing of others.
    if (foreign && (principal.merchantId !== null || box.storeId !== null)) {
      errors.push({ line: l.line, column: 'box_id', code: 'box_unavailable', message: `box ${l.boxId} cannot be shipped to ${l.merchantCode}` });
    }
  }
  return { errors: errors.slice(0, MAX_REPORTED_ERRORS), merchantIds };
}

/**
 * Imports a shipping CSV all or nothing: with any error nothing is written and every error comes back; otherwise
 * each line creates the box (not activated: no store until activateBox) or updates its board and merchant, and
 * records its shipment.
 */
export function importShipments(db: Executor, principal: OperatorPrincipal, csv: string, now: number): ShipmentImport {
  const parsed = parseShipmentCsv(csv);
  if (!parsed.ok) return parsed;
  return db.transaction((tx) => {
    const { errors, merchantIds } = checkAgainstDb(tx, principal, parsed.lines);
    if (errors.length > 0) return { ok: false as const, errors };
    let created = 0;
    for (const l of parsed.lines) {
      const merchantId = merchantIds[l.merchantCode]!;
      const exists = tx.select({ id: boxes.id }).from(boxes).where(eq(boxes.id, l.boxId)).get();
      if (exists) tx.update(boxes).set({ merchantId, board: l.board }).where(eq(boxes.id, l.boxId)).run();
      else tx.insert(boxes).values({ id: l.boxId, merchantId, board: l.board, scenario: SCENARIO.NONE, createdAt: now }).run();
      if (!exists) created++;
      const shipment = {
        serial: l.serial, merchantId, carrier: l.carrier, trackingNumber: l.trackingNumber, destination: l.destination, shippedAt: l.shippedAt,
        importedAt: now, importedBy: operatorActor(principal),
      };
      tx.insert(boxShipments).values({ boxId: l.boxId, ...shipment }).onConflictDoUpdate({ target: boxShipments.boxId, set: shipment }).run();
    }
    const imported = parsed.lines.length;
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'box.shipments_imported', subjectType: 'box_shipments', subjectId: `csv:${now}`,
      data: { merchantId: principal.merchantId, imported, created, boxIds: parsed.lines.map((l) => l.boxId) },
    });
    return { ok: true as const, imported, created, updated: imported - created };
  });
}
