// make demo: a cloud on SQLite, six simulated boxes running the built firmware, a wallet paying each; then the
// cloud keeps serving (site and API) until Ctrl-C. WAYGO_DEMO_EXIT=1 exits after the payments (tests, CI).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boards, buildBoard, buildTarget } from '../build/index.ts';
import { buildInstaller } from '../installer/build.ts';
import { INSTALLER_DIR } from '../../cloud/routes/installer/index.ts';
import { runDemo } from './run.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const buildDir = join(root, 'build');
const print = (line: string) => console.log(line);

// A fresh clone has no build/: the boxes need the bundles they run.
for (const board of boards) {
  if (existsSync(join(buildDir, board.id, 'firmware.min.js'))) continue;
  print(`building the ${board.id} firmware…`);
  await buildBoard(buildTarget(board), buildDir);
}
// The page takes esbuild a moment: always rebuilt, so /install serves the page as the code stands.
await buildInstaller(INSTALLER_DIR);

const dir = mkdtempSync(join(tmpdir(), 'waygo-demo-'));
print('WayGo demo\n');
const demo = await runDemo({ dir, buildDir, port: Number(process.env.WAYGO_DEMO_PORT ?? 0), print }).catch((err: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  throw err;
});
const paid = demo.results.filter((r) => r.ok).length;
print(`\n${paid} of ${demo.results.length} boxes paid.`);
print(`\nOperator site: ${demo.url}/admin   login ${demo.world.login.email} / ${demo.world.login.password}`);
print(`Installer:     ${demo.url}/install   (Web Bluetooth, for a real box in install mode)`);
print(`API:           ${demo.url}/docs   (OpenAPI document at ${demo.url}/openapi.json)`);

async function stop(): Promise<void> {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.WAYGO_DEMO_EXIT === '1') {
  await stop();
  process.exitCode = paid === demo.results.length ? 0 : 1;
} else {
  print('\nThe cloud keeps running; Ctrl-C stops it.');
  const onSignal = () => {
    print('\nstopping…');
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
