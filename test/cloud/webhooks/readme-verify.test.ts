import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { signatureHeader } from '../../../cloud/webhooks/index.ts';

type Verify = (rawBody: string, header: string, secret: string) => boolean;

// The function merchants are told to copy is run exactly as the README shows it.
async function loadSnippet(): Promise<{ verify: Verify; remove(): void }> {
  const readme = readFileSync(new URL('../../../cloud/webhooks/README.md', import.meta.url), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('no js block in cloud/webhooks/README.md');
  const dir = mkdtempSync(join(tmpdir(), 'waygo-webhook-'));
  const file = join(dir, 'verify.mjs');
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { verifyWaygoSignature: Verify };
  return { verify: module.verifyWaygoSignature, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const snippet = suite('verifyWaygoSignature (README)');

snippet('accepts what the engine signs and refuses a tampered, stale or foreign one', async () => {
  const { verify, remove } = await loadSnippet();
  try {
    const now = Math.floor(Date.now() / 1000);
    const body = '{"id":"evt_1","type":"payment.finished"}';
    assert.is(verify(body, signatureHeader('whsec_1', body, now), 'whsec_1'), true);
    assert.is(verify(`${body} `, signatureHeader('whsec_1', body, now), 'whsec_1'), false);
    assert.is(verify(body, signatureHeader('whsec_1', body, now - 400), 'whsec_1'), false);
    assert.is(verify(body, signatureHeader('whsec_2', body, now), 'whsec_1'), false);
    assert.is(verify(body, 'garbage', 'whsec_1'), false);
  } finally {
    remove();
  }
});

snippet.run();
