import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { auditLog, boxShipments, boxes } from '../../../../cloud/db/schema/index.ts';
import { activateBox, importShipments, parseShipmentCsv } from '../../../../cloud/services/box-admin/index.ts';
import { HEADER, OWNER_A, PLATFORM, adminWorld, shippedIds, shippingCsv } from './world.ts';

const parse = suite('parseShipmentCsv');

parse('reads every column, lower-cases the box id and turns shipped_at into ms', () => {
  const result = parseShipmentCsv(`${HEADER}\nAA00000000000001,SN-1,PuckJS,A0001,Yamato,T1,Osaka,2026-01-31\naa00000000000002,SN-2,mdbt42q,A0001,,,,\n`);
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.equal(result.lines[0], {
    line: 2, boxId: 'aa00000000000001', serial: 'SN-1', board: 'puckjs', merchantCode: 'A0001', carrier: 'Yamato', trackingNumber: 'T1',
    destination: 'Osaka', shippedAt: Date.UTC(2026, 0, 31),
  });
  assert.equal([result.lines[1]!.carrier, result.lines[1]!.shippedAt], [null, null]);
});

parse('reports every bad line with the file\'s own line number, column and code', () => {
  const csv = [
    HEADER,
    'aa00000000000001,SN-1,puckjs,A0001,,,,2026-01-31',
    'not-hex,SN-2,puckjs,A0001,,,,',
    '',
    'aa00000000000003,,esp32,A0001,,,,31/01/2026',
    'aa00000000000001,SN-4,pixljs,A0001,,,,',
  ].join('\n');
  const result = parseShipmentCsv(csv);
  assert.not.ok(result.ok);
  if (result.ok) return;
  assert.equal(result.errors.map((e) => [e.line, e.column, e.code]), [
    [3, 'box_id', 'box_id_invalid'],
    [5, 'serial', 'required'],
    [5, 'board', 'board_invalid'],
    [5, 'shipped_at', 'date_invalid'],
    [6, 'box_id', 'box_id_duplicate'],
  ]);
});

parse('counts the lines of a quoted field that spans several, and reports a broken quote where it starts', () => {
  const result = parseShipmentCsv(`${HEADER}\naa00000000000001,SN-1,puckjs,A0001,,,"Dock 4\nOsaka",\nzz,SN-2,puckjs,A0001,,,,`);
  assert.not.ok(result.ok);
  if (!result.ok) assert.equal(result.errors.map((e) => e.line), [4]);
  const broken = parseShipmentCsv(`${HEADER}\naa00000000000001,"SN-1,puckjs,A0001,,,,`);
  assert.not.ok(broken.ok);
  if (!broken.ok) assert.is(broken.errors[0]!.code, 'csv_malformed');
});

parse('refuses a header without a required column or with an unknown one, on line 1', () => {
  const result = parseShipmentCsv('box_id,serial,board,colour\naa00000000000001,SN,puckjs,red');
  assert.not.ok(result.ok);
  if (!result.ok) assert.equal(result.errors.map((e) => [e.line, e.code, e.column]), [[1, 'column_unknown', 'colour'], [1, 'column_missing', 'merchant_code']]);
  assert.not.ok(parseShipmentCsv('').ok);
  assert.not.ok(parseShipmentCsv(HEADER).ok);
});

parse('gives back any valid file line for line, in any column order', () => {
  const line = fc.record({
    id: fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => Buffer.from(b).toString('hex')),
    serial: fc.stringMatching(/^[A-Za-z0-9 ,"-]{1,20}$/).filter((s) => s.trim() !== ''),
    board: fc.constantFrom('puckjs', 'pixljs', 'mdbt42q'),
  });
  fc.assert(fc.property(fc.uniqueArray(line, { minLength: 1, maxLength: 20, selector: (l) => l.id }), fc.boolean(), (lines, reversed) => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const columns = reversed ? 'merchant_code,board,serial,box_id' : 'box_id,serial,board,merchant_code';
    const rows = lines.map((l) => (reversed ? `A0001,${l.board},${quote(l.serial)},${l.id}` : `${l.id},${quote(l.serial)},${l.board},A0001`));
    const result = parseShipmentCsv([columns, ...rows].join('\r\n'));
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.equal(result.lines.map((l) => [l.line, l.boxId, l.serial, l.board]), lines.map((l, i) => [i + 2, l.id, l.serial.trim(), l.board]));
  }), { numRuns: 100 });
});

parse.run();

const imports = suite('importShipments');

imports('creates unactivated boxes of the merchant named by code, with their shipments, and audits the import', () => {
  const w = adminWorld();
  const ids = shippedIds('aa', 2);
  const result = importShipments(w.db, PLATFORM, shippingCsv(ids.map((id) => ({ id, code: 'A0001' }))), w.now);
  assert.equal(result, { ok: true, imported: 2, created: 2, updated: 0 });
  const box = w.db.select().from(boxes).where(eq(boxes.id, ids[0]!)).get()!;
  assert.equal([box.merchantId, box.storeId, box.board, box.activatedAt, box.scenario], ['m_a', null, 'puckjs', null, 0]);
  const shipment = w.db.select().from(boxShipments).where(eq(boxShipments.boxId, ids[0]!)).get()!;
  assert.equal([shipment.carrier, shipment.trackingNumber, shipment.destination, shipment.importedBy], ['Yamato', 'TR0', 'Osaka', 'operator:acc_platform']);
  assert.is(w.db.select().from(auditLog).all().filter((a) => a.action === 'box.shipments_imported').length, 1);
  assert.equal(importShipments(w.db, PLATFORM, shippingCsv([{ id: ids[0]!, code: 'A0001', board: 'pixljs' }]), w.now), { ok: true, imported: 1, created: 0, updated: 1 });
  assert.is(w.db.select().from(boxes).where(eq(boxes.id, ids[0]!)).get()!.board, 'pixljs');
  w.database.close();
});

imports('writes nothing when one line names an unknown merchant, and says which line', () => {
  const w = adminWorld();
  const ids = shippedIds('aa', 3);
  const result = importShipments(w.db, PLATFORM, shippingCsv([{ id: ids[0]!, code: 'A0001' }, { id: ids[1]!, code: 'Z9999' }, { id: ids[2]!, code: 'A0001' }]), w.now);
  assert.equal(result, { ok: false, errors: [{ line: 3, column: 'merchant_code', code: 'merchant_not_found', message: 'no merchant with code Z9999' }] });
  assert.is(w.db.select().from(boxes).all().length, 0);
  assert.is(w.db.select().from(boxShipments).all().length, 0);
  w.database.close();
});

imports('holds a merchant account to its own merchant and keeps another merchant\'s placed box out of reach', () => {
  const w = adminWorld();
  const [a, b] = [shippedIds('aa', 1)[0]!, shippedIds('bb', 1)[0]!];
  importShipments(w.db, PLATFORM, shippingCsv([{ id: a, code: 'A0001' }, { id: b, code: 'B0001' }]), w.now);
  activateBox(w.db, PLATFORM, b, { storeId: 's_b', machineName: 'Crane 1', scenario: 2 }, w.now);
  const own = importShipments(w.db, OWNER_A, shippingCsv([{ id: a, code: 'B0001' }]), w.now);
  assert.equal(own.ok ? [] : own.errors.map((e) => e.code), ['merchant_not_found']);
  const taken = importShipments(w.db, OWNER_A, shippingCsv([{ id: b, code: 'A0001' }]), w.now);
  assert.equal(taken.ok ? [] : taken.errors.map((e) => e.code), ['box_unavailable']);
  const placed = importShipments(w.db, PLATFORM, shippingCsv([{ id: b, code: 'A0001' }]), w.now);
  assert.equal(placed.ok ? [] : placed.errors.map((e) => e.code), ['box_unavailable']);
  w.database.close();
});

imports.run();
