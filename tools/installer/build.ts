// Builds the installer page into <out>/ (index.html and one bundled installer.js), with esbuild for the browser.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildInstaller(out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(here, 'page/main.ts')], outfile: join(out, 'installer.js'), bundle: true, platform: 'browser', format: 'iife',
    target: 'es2020', minify: true, logLevel: 'silent',
  });
  await copyFile(join(here, 'index.html'), join(out, 'index.html'));
}
