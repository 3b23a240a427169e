// Box list and detail for operators: what the box last reported (seen, firmware, battery), where it stands
// (status, activation, configuration set vs applied) and what the cloud still owes it (open commands).
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, like, max, or, sql, type SQL } from 'drizzle-orm';
import { SCENARIO } from '../../../shared/protocol/constants.ts';
import type { Executor } from '../../db/open.ts';
import { boxCommands, boxKeys, boxShipments, boxes, merchants, stores } from '../../db/schema/index.ts';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from '../authority/page.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';
import { openCommandCounts } from '../box-commands/index.ts';
import { boxMerchantId, scopedBox, tenantCondition, type BoxRow } from './scope.ts';

export const BOARDS = ['puckjs', 'pixljs', 'mdbt42q'] as const;
export type Board = (typeof BOARDS)[number];
export type BoxStatus = BoxRow['status'];

const SCENARIO_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SCENARIO).map(([name, code]) => [code, name.toLowerCase()]));

export interface BoxListQuery extends PageRequest {
  /** Matches an id prefix, a serial prefix or part of the machine name. */
  q?: string;
  idPrefix?: string;
  serial?: string;
  machineName?: string;
  storeId?: string;
  /** Platform accounts only; a merchant account is held to its own merchant anyway. */
  merchantId?: string;
  status?: BoxStatus;
  scenario?: number;
  board?: Board;
  activated?: boolean;
}

export interface BoxSummary {
  id: string;
  merchantId: string | null;
  merchantName: string | null;
  storeId: string | null;
  storeName: string | null;
  board: string | null;
  serial: string | null;
  machineName: string | null;
  scenario: { code: number; name: string };
  status: BoxStatus;
  activated: boolean;
  activatedAt: number | null;
  lastSeenAt: number | null;
  firmwareVersion: string | null;
  batteryPercent: number | null;
  keyVersion: number | null;
  configVersion: number;
  appliedConfigVersion: number;
  pendingCommands: number;
  createdAt: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const prefix = (column: Parameters<typeof like>[0], s: string) => sql`${column} like ${`${escapeLike(s)}%`} escape '\\'`;
const contains = (column: Parameters<typeof like>[0], s: string) => sql`${column} like ${`%${escapeLike(s)}%`} escape '\\'`;

function conditions(principal: OperatorPrincipal, q: BoxListQuery): (SQL | undefined)[] {
  return [
    tenantCondition(principal),
    q.q === undefined ? undefined : or(prefix(boxes.id, q.q.toLowerCase()), prefix(boxShipments.serial, q.q), contains(boxes.machineName, q.q)),
    q.idPrefix === undefined ? undefined : prefix(boxes.id, q.idPrefix.toLowerCase()),
    q.serial === undefined ? undefined : prefix(boxShipments.serial, q.serial),
    q.machineName === undefined ? undefined : contains(boxes.machineName, q.machineName),
    q.storeId === undefined ? undefined : eq(boxes.storeId, q.storeId),
    q.merchantId === undefined ? undefined : sql`${boxMerchantId} = ${q.merchantId}`,
    q.status === undefined ? undefined : eq(boxes.status, q.status),
    q.scenario === undefined ? undefined : eq(boxes.scenario, q.scenario),
    q.board === undefined ? undefined : eq(boxes.board, q.board),
    q.activated === undefined ? undefined : q.activated ? isNotNull(boxes.storeId) : isNull(boxes.storeId),
    q.cursor === undefined ? undefined : gt(boxes.id, String(decodeCursor(q.cursor, 1)[0])),
  ];
}

function selectBoxes(db: Executor, where: SQL | undefined, limit: number) {
  return db.select({ box: boxes, ownerId: boxMerchantId, merchantName: merchants.name, storeName: stores.name, serial: boxShipments.serial })
    .from(boxes)
    .leftJoin(boxShipments, eq(boxShipments.boxId, boxes.id))
    .leftJoin(stores, eq(stores.id, boxes.storeId))
    .leftJoin(merchants, eq(merchants.id, boxMerchantId))
    .where(where).orderBy(asc(boxes.id)).limit(limit).all();
}

type Selected = ReturnType<typeof selectBoxes>[number];

function summaries(db: Executor, rows: Selected[]): BoxSummary[] {
  const ids = rows.map((r) => r.box.id);
  const pending = openCommandCounts(db, ids);
  const versions = ids.length === 0 ? [] : db.select({ boxId: boxKeys.boxId, v: max(boxKeys.keyVersion) }).from(boxKeys)
    .where(inArray(boxKeys.boxId, ids)).groupBy(boxKeys.boxId).all();
  const keyVersion = Object.fromEntries(versions.map((r) => [r.boxId, r.v]));
  return rows.map(({ box, ownerId, merchantName, storeName, serial }) => ({
    id: box.id, merchantId: ownerId, merchantName, storeId: box.storeId, storeName, board: box.board, serial, machineName: box.machineName,
    scenario: { code: box.scenario, name: SCENARIO_NAMES[box.scenario] ?? 'unknown' }, status: box.status, activated: box.storeId !== null,
    activatedAt: box.activatedAt, lastSeenAt: box.lastSeenAt, firmwareVersion: box.firmwareVersion, batteryPercent: box.batteryPercent,
    keyVersion: keyVersion[box.id] ?? null, configVersion: box.configVersion, appliedConfigVersion: box.appliedConfigVersion,
    pendingCommands: pending[box.id] ?? 0, createdAt: box.createdAt,
  }));
}

/** One page of the boxes `principal` sees, by id. */
export function listBoxes(db: Executor, principal: OperatorPrincipal, query: BoxListQuery): Page<BoxSummary> {
  const limit = pageLimit(query);
  const rows = selectBoxes(db, and(...conditions(principal, query)), limit + 1);
  return toPage(summaries(db, rows), limit, (b) => [b.id], (b) => b);
}

export interface BoxDetail extends BoxSummary {
  config: Record<string, unknown> | null;
  limits: { maxPerTransactionMinor: number | null; dailyAmountMinor: number | null; dailyCount: number | null; rssiMin: number };
  shipment: { carrier: string | null; trackingNumber: string | null; destination: string | null; shippedAt: number | null; importedAt: number } | null;
  keys: { keyVersion: number; status: string; createdAt: number; retiredAt: number | null }[];
  commands: { id: string; kind: string; state: string; txnId: string | null; createdAt: number; updatedAt: number; payload: Record<string, unknown> }[];
}

/** The most recent commands shown with a box; older ones stay in the audit log. */
const RECENT_COMMANDS = 20;

export function getBox(db: Executor, principal: OperatorPrincipal, boxId: string): BoxDetail {
  const { id } = scopedBox(db, principal, boxId);
  const [summary] = summaries(db, selectBoxes(db, eq(boxes.id, id), 1));
  const box = db.select().from(boxes).where(eq(boxes.id, id)).get()!;
  const shipment = db.select().from(boxShipments).where(eq(boxShipments.boxId, id)).get();
  return {
    ...summary!,
    config: box.config,
    limits: { maxPerTransactionMinor: box.maxPerTransactionMinor, dailyAmountMinor: box.dailyAmountMinor, dailyCount: box.dailyCount, rssiMin: box.rssiMin },
    shipment: shipment
      ? { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, destination: shipment.destination, shippedAt: shipment.shippedAt, importedAt: shipment.importedAt }
      : null,
    keys: db.select({ keyVersion: boxKeys.keyVersion, status: boxKeys.status, createdAt: boxKeys.createdAt, retiredAt: boxKeys.retiredAt })
      .from(boxKeys).where(eq(boxKeys.boxId, id)).orderBy(desc(boxKeys.keyVersion)).all(),
    commands: db.select({
      id: boxCommands.id, kind: boxCommands.kind, state: boxCommands.state, txnId: boxCommands.txnId, createdAt: boxCommands.createdAt,
      updatedAt: boxCommands.updatedAt, payload: boxCommands.payload,
    }).from(boxCommands).where(eq(boxCommands.boxId, id)).orderBy(desc(boxCommands.createdAt), desc(boxCommands.id)).limit(RECENT_COMMANDS).all(),
  };
}
