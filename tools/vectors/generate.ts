// Writes the golden vectors (test/vectors/*.json) and the layout tables of docs/protocol.md.
// Usage: node --import tsx tools/vectors/generate.ts [--check]
//   --check  writes nothing; exits 1 and names every file that differs from what would be generated.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHex } from '../../shared/bytes/index.ts';
import { KEY_INFO, KEY_SALT } from '../../shared/protocol/keys.ts';
import { advertisingVectors } from './advertising-cases.ts';
import { layoutTables } from './doc-tables.ts';
import { pushVectors, splitVectors } from './framing-cases.ts';
import { messageVectors, proofVectors } from './message-cases.ts';
import { SEED, boxId, keys, master, nextKeys } from './seeded.ts';
import { IV_EXPIRES_MS, OPEN_MS, OPEN_UNIX, negativeTelegramVectors, telegramVectors } from './telegram-cases.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const BEGIN = '<!-- generated: layout tables (tools/vectors/generate.ts) -->';
const END = '<!-- end of generated layout tables -->';

function keyJson(k: typeof keys) {
  return { keyVersion: k.keyVersion, encKey: toHex(k.encKey), macKey: toHex(k.macKey), posKey: toHex(k.posKey) };
}

const opening = { ivExpiresMs: IV_EXPIRES_MS, nowMs: OPEN_MS, unixNow: OPEN_UNIX };

export function vectorFiles(): Record<string, unknown> {
  return {
    'keys.json': { seed: SEED, salt: KEY_SALT, info: KEY_INFO, master: toHex(master), boxId: toHex(boxId), keys: [keyJson(keys), keyJson(nextKeys)] },
    'messages.json': messageVectors(),
    'proofs.json': proofVectors(),
    'telegrams.json': { opening, telegrams: telegramVectors() },
    'telegrams-negative.json': { opening, cases: negativeTelegramVectors() },
    'framing.json': { splits: splitVectors(), pushes: pushVectors() },
    'advertising.json': { macKeyOf: 'keys.json keys[0]', cases: advertisingVectors() },
  };
}

function withTables(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/protocol.md lacks the generated-table markers');
  return doc.slice(0, start + BEGIN.length) + '\n\n' + layoutTables() + '\n\n' + doc.slice(end);
}

function main(check: boolean): number {
  const outputs: [string, string][] = Object.entries(vectorFiles()).map(([name, value]) => [
    join(root, 'test/vectors', name), JSON.stringify(value, null, 2) + '\n',
  ]);
  const docPath = join(root, 'docs/protocol.md');
  outputs.push([docPath, withTables(readFileSync(docPath, 'utf8'))]);
  const stale: string[] = [];
  for (const [path, text] of outputs) {
    let current = '';
    try { current = readFileSync(path, 'utf8'); } catch { current = ''; }
    if (current === text) continue;
    stale.push(path);
    if (!check) writeFileSync(path, text);
  }
  for (const path of stale) console.log((check ? 'differs: ' : 'wrote: ') + path);
  return check && stale.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.includes('--check'));
