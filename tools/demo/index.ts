// make demo: what exists so far, run end to end — a box's signed EMV QR sticker, the payment telegram path
// between cloud, wallet and box, and the firmware bundles' size report. Later work grows it into the cloud demo.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode, findBoxId } from '../../shared/emv/index.ts';
import { boards } from '../build/index.ts';
import { showCloud } from './cloud.ts';
import { runPaymentFlow } from './flow.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const boxHex = '0011223344556677';

const sticker = encode({
  payloadFormatIndicator: '01', pointOfInitiation: 'static',
  merchantAccountInformation: { '49': { '00': 'com.waygo', '01': boxHex } },
  mcc: '7210', currency: '901', country: 'TW', merchantName: 'WAYGO LAUNDRY', merchantCity: 'TAIPEI',
});
console.log('WayGo demo\n');
console.log(`1. The QR sticker on washer ${boxHex}:\n   ${sticker}`);
const scanned = decode(sticker);
console.log(`   a wallet decodes it: merchant ${scanned.merchantName}, box ${findBoxId(scanned)}, currency ${scanned.currency}\n`);

console.log('2. Paying 50.00 TWD for 30 minutes:');
for (const step of runPaymentFlow(Buffer.from(boxHex, 'hex'), 5000, 901)) console.log(`   ${step.actor.padEnd(6)} ${step.what}`);

console.log('\n3. Firmware bundles (make firmware BOARD=…):');
for (const board of boards) {
  const report = join(root, 'build', board.id, 'size.json');
  if (!existsSync(report)) {
    console.log(`   ${board.id.padEnd(8)} not built yet`);
    continue;
  }
  const size = JSON.parse(readFileSync(report, 'utf8')) as { pretokenisedBytes: number; storageBytes: number };
  console.log(`   ${board.id.padEnd(8)} ${size.pretokenisedBytes} B of ${size.storageBytes} B Storage`);
}
console.log('\n4. The cloud (npx waygo cloud start serves it until Ctrl-C):');
await showCloud((line) => console.log(line));
console.log('\nThe demo started the cloud, asked it over HTTP, and stopped it again; simulated boxes and wallets paying');
console.log('through it join this demo as they land.');
