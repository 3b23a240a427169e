// The customer's phone: the OpenWallet SDK's createWallet and pay() on its simulated BLE transport, with every
// demo box in range. The beer machine's controller acts as virtual time passes on its box.
import { createSimulatedTransport, createWallet, type PaymentResult, type Wallet } from '../../sdk/index.ts';
import type { WalletCredentials } from '../cloud-load/index.ts';
import type { DemoBox } from './fleet.ts';
import { vendingController } from './machine.ts';
import { CURRENCY } from './scenarios.ts';

export function customerWallet(cloudUrl: string, credentials: WalletCredentials, fleet: DemoBox[]): Wallet {
  const transport = createSimulatedTransport();
  fleet.forEach(({ box, machine }, i) => {
    const controller = vendingController(box);
    transport.addBox(machine.boxId, {
      ble: box.ble,
      connect: box.connect,
      advance(ms) {
        box.advance(ms);
        controller();
      },
    }, -45 - i * 3);
  });
  return createWallet({ transport, cloud: { baseUrl: cloudUrl, keyId: credentials.keyId, signingKey: credentials.signingKey } });
}

/** Finds the box by its id among the advertisements (the cloud resolves each rotating advertising id) and pays. */
export function payAtMachine(wallet: Wallet, demoBox: DemoBox): Promise<PaymentResult> {
  const order = demoBox.machine.order;
  return wallet.pay({ boxId: demoBox.machine.boxId, order: 'sku' in order ? { sku: order.sku } : { amountMinor: order.amountMinor, currency: CURRENCY } });
}
