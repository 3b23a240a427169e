// Measures the advertising table at scale with synthetic boxes whose keys are derived in-process (no database).
// Usage: node --expose-gc --import tsx test/cloud/services/advertising/measure.ts [boxes=100000]
import { randomBytes } from 'node:crypto';
import { advWindow, advertisingId } from '../../../../shared/protocol/advertising.ts';
import { deriveBoxKeys } from '../../../../shared/protocol/keys.ts';
import { AdvertisingTable, nodeHmac, type AdvBoxKeys } from '../../../../cloud/services/advertising/index.ts';

const count = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const ms = (t: number) => Math.round(performance.now() - t);

let t = performance.now();
const boxes: AdvBoxKeys[] = [];
for (let i = 0; i < count; i++) {
  const boxId = i.toString(16).padStart(16, '0');
  const keys = deriveBoxKeys(randomBytes(32), Buffer.from(boxId, 'hex'), 1);
  boxes.push({ boxId, keys: [{ keyVersion: 1, macKey: keys.macKey }] });
}
console.log(`derive keys (HKDF): ${ms(t)} ms`);
const before = heap();
const nowMs = Date.UTC(2030, 0, 1, 12, 5);
t = performance.now();
const table = new AdvertisingTable(nodeHmac, nowMs);
for (const box of boxes) table.setBox(box);
const buildMs = ms(t);
const bytes = heap() - before;
console.log(`build: ${count} boxes, ${table.size} ids, ${buildMs} ms, heap +${(bytes / 2 ** 20).toFixed(1)} MiB (${Math.round(bytes / table.size)} B/id)`);
t = performance.now();
table.rollTo(nowMs + 900_000);
console.log(`roll one window: ${ms(t)} ms`);
const probes = boxes.slice(0, 10_000).map((b) => Buffer.from(advertisingId(nodeHmac, b.keys[0]!.macKey, advWindow(nowMs / 1000 + 900, 0, 0))).toString('hex'));
t = performance.now();
let hits = 0;
for (let r = 0; r < 100; r++) for (const p of probes) if (table.lookup(p)) hits++;
const lookupMs = performance.now() - t;
console.log(`lookup: ${hits} hits, ${Math.round(hits / lookupMs * 1000)} per s`);
