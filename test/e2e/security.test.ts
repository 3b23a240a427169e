import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { toHex } from '../../shared/bytes/index.ts';
import { ERR, STATUS } from '../../shared/protocol/index.ts';
import { isWalletError, type LogFields, type VerifiedPeripheral, type Wallet } from '../../sdk/index.ts';
import { scenarioBox } from './scenarios.ts';
import { machineActions, startWorld, type World } from './world.ts';

// Telegrams the box must refuse whoever writes them, a second wallet app trying to finish the first one's
// payment, and a logger that sees everything the SDK logs and none of the keys.
const security = suite('telegrams refused and wallets kept apart');
let world: World;
const crane = scenarioBox('crane');
const washer = scenarioBox('washer');

security.before(async () => {
  world = await startWorld({ boxes: ['crane', 'washer'] });
});
security.after(async () => {
  await world?.close();
});

/** Connects and authenticates `wallet` with the box named, and reads an IV. */
async function open(wallet: Wallet, name: string): Promise<{ verified: VerifiedPeripheral; iv: string }> {
  const peripheral = await wallet.discoverNearbySpecificPeripheral(world.boxes[name]!.spec.boxId);
  const verified = await wallet.doVerifyPeripheralAuthenticity(peripheral);
  return { verified, iv: (await wallet.doGetPeripheralIvKey(verified)).message };
}

async function refusal(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isWalletError(error, 'refused_by_box')) return error.details.boxCode;
    throw error;
  }
  assert.unreachable('the box accepted it');
  return undefined;
}

security('a telegram with one flipped bit is refused (BAD_MAC) and the machine does not run', async () => {
  const wallet = world.wallet();
  const { verified, iv } = await open(wallet, 'crane');
  const from = world.boxes.crane!.box.now();
  const answer = await wallet.cloud.pay({ sessionId: verified.session.sessionId, iv, ...crane.order }, 'forged-1');
  assert.is(answer.kind, 'accepted');
  const telegram = answer.kind === 'accepted' ? answer.telegram : '';
  const forged = telegram.slice(0, 40) + (telegram[40] === '0' ? '1' : '0') + telegram.slice(41);
  assert.is(await refusal(wallet.doMobilePaymentVerificationWithDataWithMachineControl(verified, forged)), ERR.BAD_MAC);
  await verified.link.close();
  world.transport.advance(1000);
  assert.equal(machineActions(world.boxes.crane!, from), { activations: 0, vends: 0 });
});

security('a telegram replayed on a later connection is refused: it was sealed for an IV that is gone', async () => {
  const wallet = world.wallet();
  const first = await open(wallet, 'crane');
  const answer = await wallet.cloud.pay({ sessionId: first.verified.session.sessionId, iv: first.iv, ...crane.order }, 'replay-1');
  const telegram = answer.kind === 'accepted' ? answer.telegram : '';
  const receipt = await wallet.doMobilePaymentVerificationWithDataWithMachineControl(first.verified, telegram);
  assert.is(receipt.status, STATUS.OK);
  await first.verified.link.close();
  world.transport.advance(1000);
  const from = world.boxes.crane!.box.now();
  const second = await open(wallet, 'crane');
  assert.is(await refusal(wallet.doMobilePaymentVerificationWithDataWithMachineControl(second.verified, telegram)), ERR.BAD_MAC);
  await second.verified.link.close();
  world.transport.advance(1000);
  assert.equal(machineActions(world.boxes.crane!, from), { activations: 0, vends: 0 });
});

security('a telegram sealed for one box is refused by another (WRONG_BOX)', async () => {
  const wallet = world.wallet();
  const atCrane = await open(wallet, 'crane');
  const answer = await wallet.cloud.pay({ sessionId: atCrane.verified.session.sessionId, iv: atCrane.iv, ...crane.order }, 'cross-1');
  await atCrane.verified.link.close();
  const atWasher = await open(wallet, 'washer');
  const from = world.boxes.washer!.box.now();
  assert.is(await refusal(wallet.doMobilePaymentVerificationWithDataWithMachineControl(atWasher.verified, answer.kind === 'accepted' ? answer.telegram : '')), ERR.WRONG_BOX);
  await atWasher.verified.link.close();
  assert.equal(machineActions(world.boxes.washer!, from), { activations: 0, vends: 0 });
});

security('a second wallet app cannot complete the first one\'s payment: the box refuses it, the cloud hides it', async () => {
  const first = world.wallet({ app: 0 });
  const second = world.wallet({ app: 1 });
  const mine = await open(first, 'crane');
  await mine.verified.link.close();
  // The second app relays its own connection's IV to the first app's payment: the telegram names the first app.
  const theirs = await open(second, 'crane');
  const from = world.boxes.crane!.box.now();
  const answer = await first.cloud.pay({ sessionId: mine.verified.session.sessionId, iv: theirs.iv, ...crane.order }, 'other-app-1');
  assert.is(answer.kind, 'accepted');
  const receipt = await second.doMobilePaymentVerificationWithDataWithMachineControl(theirs.verified, answer.kind === 'accepted' ? answer.telegram : '');
  assert.equal([receipt.status, receipt.detail], [STATUS.REFUSED, ERR.NOT_PERMITTED]);
  await theirs.verified.link.close();
  world.transport.advance(1000);
  assert.equal(machineActions(world.boxes.crane!, from), { activations: 0, vends: 0 });
  for (const call of [second.cloud.receipt(answer.payment.id, receipt.message), second.cloud.payment(answer.payment.id), second.cloud.reseal(answer.payment.id, theirs.iv)]) {
    try {
      await call;
      assert.unreachable();
    } catch (error) {
      assert.ok(isWalletError(error, 'cloud_error') && error.details.status === 404, String(error));
    }
  }
});

security('a logger that captures everything the SDK logs, and every error it throws, never sees a key', async () => {
  const lines: string[] = [];
  const capture = (event: string, fields?: LogFields) => void lines.push(`${event} ${JSON.stringify(fields ?? {})}`);
  const wallet = world.wallet({ logger: { debug: capture, warn: capture } });
  await wallet.pay({ boxId: crane.boxId, order: crane.order });
  try {
    await wallet.pay({ boxId: washer.boxId, order: { sku: 'DECLINE' } });
  } catch (error) {
    lines.push(String(error), JSON.stringify(error), (error as Error).stack ?? '');
  }
  const credentials = world.credentials[0]!;
  const secrets: Uint8Array[] = [Buffer.from(credentials.signingKey, 'base64url')];
  for (const b of Object.values(world.boxes)) secrets.push(b.keys.encKey, b.keys.macKey, b.keys.posKey);
  const forms = secrets.flatMap((s) => [toHex(s), Buffer.from(s).toString('base64'), Buffer.from(s).toString('base64url'), toHex(s.slice(0, 8))]);
  const text = lines.join('\n');
  assert.ok(lines.length >= 6, 'the SDK did log the payment');
  for (const form of forms) assert.not.ok(text.includes(form), 'a key appears in the log');
  assert.not.ok(text.includes(credentials.signingKey));
});

security.run();
