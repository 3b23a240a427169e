// node --import tsx tools/installer/cli.ts [OUT]: builds the installer page (default build/installer).
import { resolve } from 'node:path';
import { buildInstaller } from './build.ts';
import { INSTALLER_DIR } from '../../cloud/routes/installer/index.ts';

const out = process.argv[2] === undefined ? INSTALLER_DIR : resolve(process.argv[2]);
await buildInstaller(out);
console.log(`installer page built into ${out}`);
