// GET /install: the installer page (tools/installer) as built into build/installer (make demo, or
// node --import tsx tools/installer/cli.ts). The cloud only serves the built files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { z } from 'zod';
import type { OperationDescription } from '../../openapi/types.ts';

const FILES: Record<string, string> = { 'index.html': 'text/html; charset=utf-8', 'installer.js': 'text/javascript; charset=utf-8' };

export const INSTALLER_DIR = fileURLToPath(new URL('../../../build/installer', import.meta.url));

export function installerRoutes(dir = INSTALLER_DIR): Hono {
  const app = new Hono();
  const serve = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      return new Response('the installer page is not built: node --import tsx tools/installer/cli.ts\n', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    return new Response(readFileSync(path), { headers: { 'content-type': FILES[name]!, 'cache-control': 'no-cache' } });
  };
  app.get('/', () => serve('index.html'));
  app.get('/installer.js', () => serve('installer.js'));
  return app;
}

export const operations: OperationDescription[] = [{
  method: 'get', path: '/install', operationId: 'installerPage', tag: 'service', security: 'none',
  summary: 'The installer page: connects to a box in install mode over Web Bluetooth and runs the wiring test',
  responses: { 200: { description: 'the page', mediaType: 'text/html', body: { name: 'InstallerPage', schema: z.string() } } },
}, {
  method: 'get', path: '/install/installer.js', operationId: 'installerScript', tag: 'service', security: 'none',
  summary: 'The installer page\'s script (@espruino-tools/core and the wiring test, bundled)',
  responses: { 200: { description: 'the script', mediaType: 'text/javascript', body: { name: 'InstallerScript', schema: z.string() } } },
}];
