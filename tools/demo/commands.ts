// The box's configuration as the operator sets it and any wallet carries it: PUT /v1/operator/boxes/:id/config
// queues a CONFIG telegram; the next wallet session to the box gets RIGHT.MANAGE, asks the cloud for each owed
// command sealed for the box's one-time IV, writes it, and posts the box's RECEIPT back.
import { fromHex, toHex } from '../../shared/bytes/index.ts';
import { MSG, RIGHT, encodeMessage } from '../../shared/protocol/index.ts';
import type { BoxLink } from './box-link.ts';
import { WalletFlowError } from './errors.ts';
import { configOf, CURRENCY, type DemoMachine } from './scenarios.ts';
import type { WalletCall } from './wallet.ts';

/** The operator's side: the machine's configuration through the operator API. */
export async function setConfiguration(cloudUrl: string, apiKey: string, machine: DemoMachine): Promise<void> {
  const fields = { ...configOf(machine) };
  delete fields.configVersion;
  delete fields.currency;
  const response = await fetch(`${cloudUrl}/v1/operator/boxes/${machine.boxId}/config`, {
    method: 'PUT', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ currency: CURRENCY, ...fields }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new WalletFlowError(body.error?.code ?? `http_${response.status}`, `the cloud refused ${machine.machineName}'s configuration: ${body.error?.message ?? response.status}`);
  }
}

/** The wallet's side, on a session whose rights include MANAGE: every owed command delivered; returns their kinds and outcomes. */
export async function deliverCommands(call: WalletCall, link: BoxLink, sessionId: string, rights: number): Promise<string[]> {
  if ((rights & RIGHT.MANAGE) === 0) return [];
  const delivered: string[] = [];
  for (;;) {
    const iv = link.request(encodeMessage(MSG.IV_REQUEST, {}));
    const next = (await call('POST', `/v1/wallet/sessions/${sessionId}/commands`, { iv: toHex(iv.bytes) })) as { command: { id: string; kind: string; telegram: string } | null };
    if (next.command === null) return delivered;
    const receipt = link.request(fromHex(next.command.telegram));
    if (receipt.type !== MSG.RECEIPT) throw new WalletFlowError('box_no_receipt', `the box answered message ${receipt.type} to a ${next.command.kind} command`);
    const outcome = (await call('POST', `/v1/wallet/sessions/${sessionId}/commands/${next.command.id}/receipt`, { receipt: toHex(receipt.bytes) })) as {
      command: { kind: string; state: string };
    };
    delivered.push(`${outcome.command.kind} ${outcome.command.state}`);
    if (outcome.command.state !== 'applied') throw new WalletFlowError('command_not_applied', `the box did not apply its ${outcome.command.kind}: ${outcome.command.state}`);
  }
}
