// Each box gets its keys the way `waygo provision` gives them: a master secret generated here, registered with
// the cloud's provisioning endpoint under the operator API key; the answer is the Storage files to write.
import { randomBytes } from 'node:crypto';
import { registerBox } from '../cli/provision/register.ts';
import type { StorageFile } from '../flash/index.ts';

export async function provisionThroughCloud(cloudUrl: string, apiKey: string, boxId: string): Promise<StorageFile[]> {
  const secret = new Uint8Array(randomBytes(32));
  try {
    return (await registerBox(cloudUrl, apiKey, boxId, secret)).files;
  } finally {
    secret.fill(0);
  }
}
