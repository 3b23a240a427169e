// The cloud's side of provisioning: POST /v1/operator/boxes/:id/provision with the master secret generated here.
// The cloud keeps the secret (encrypted at rest) and answers the Storage files holding the derived keys.
import type { StorageFile } from '../../flash/index.ts';
import { CliError } from '../command.ts';

export interface ProvisionAnswer {
  boxId: string;
  board: string;
  keyVersion: number;
  files: StorageFile[];
}

interface AnswerBody {
  boxId?: unknown;
  board?: unknown;
  keyVersion?: unknown;
  files?: Record<string, unknown>;
  error?: { code?: string; message?: string };
}

function parseAnswer(body: AnswerBody): ProvisionAnswer {
  const files = body.files;
  if (typeof body.boxId !== 'string' || typeof body.board !== 'string' || typeof body.keyVersion !== 'number' || files === undefined) {
    throw new CliError('bad_answer', 'the cloud answered the provisioning request without boxId, board, keyVersion and files', 1);
  }
  const list = Object.keys(files).map((name) => {
    const value = files[name];
    if (typeof value !== 'string') throw new CliError('bad_answer', `the cloud's file ${name} is not base64 text`, 1);
    return { name, bytes: new Uint8Array(Buffer.from(value, 'base64')) };
  });
  if (!list.some((f) => f.name === 'waygo.keys')) throw new CliError('bad_answer', 'the cloud answered no waygo.keys file', 1);
  return { boxId: body.boxId, board: body.board, keyVersion: body.keyVersion, files: list };
}

/**
 * Registers `masterSecret` for the box; the API key authenticates an operator holding the box-provisioning
 * permission. `rotate` replaces the keys of a box the cloud already provisioned (a new key version).
 */
export async function registerBox(cloud: string, apiKey: string, boxId: string, masterSecret: Uint8Array, rotate = false): Promise<ProvisionAnswer> {
  const url = new URL(`/v1/operator/boxes/${encodeURIComponent(boxId)}/provision`, cloud);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ masterSecret: Buffer.from(masterSecret).toString('base64'), ...(rotate ? { rotate } : {}) }),
    });
  } catch (err) {
    throw new CliError('no_cloud', `cannot reach ${url.origin}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  const body = (await response.json().catch(() => ({}))) as AnswerBody;
  if (!response.ok) {
    const why = body.error?.message ?? `HTTP ${response.status}`;
    throw new CliError(body.error?.code ?? 'provision_refused', `the cloud refused to provision box ${boxId} (${response.status}): ${why}`, 1);
  }
  return parseAnswer(body);
}
