import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluatePayment, type PaymentControlInput } from '../../../cloud/controls/index.ts';

const NOW = 1_700_000_000_000;

function input(change: (i: PaymentControlInput) => void = () => undefined): PaymentControlInput {
  const base: PaymentControlInput = {
    amountMinor: 300,
    nowMs: NOW,
    box: { id: 'b_1', maxPerTransactionMinor: 2000, daily: { amountMinor: 10_000, count: 50 }, usage: { amountMinor: 0, count: 0 }, recentPaymentTimes: [], rolling: { sumMinor: 3000, count: 10 } },
    wallet: { id: 'w_1', daily: { amountMinor: 5000, count: 20 }, usage: { amountMinor: 0, count: 0 }, recentPaymentTimes: [] },
    denyLists: { boxes: new Map(), wallets: new Set() },
  };
  change(base);
  return base;
}

const evaluate = suite('evaluatePayment');

evaluate('allows an ordinary payment with no flags', () => {
  assert.equal(evaluatePayment(input()), { allow: true, flags: [] });
});

evaluate('refuses with one stable code per control', () => {
  const cases: [string, (i: PaymentControlInput) => void][] = [
    ['box_stolen', (i) => (i.denyLists = { boxes: new Map([['b_1', 'stolen']]), wallets: new Set() })],
    ['wallet_blocked', (i) => (i.denyLists = { boxes: new Map(), wallets: new Set(['w_1']) })],
    ['amount_invalid', (i) => (i.amountMinor = 0)],
    ['transaction_max_exceeded', (i) => {
      i.amountMinor = 2001;
      i.box.rolling = { sumMinor: 0, count: 0 };
    }],
    ['box_daily_amount_exceeded', (i) => (i.box.usage = { amountMinor: 9800, count: 1 })],
    ['box_daily_count_exceeded', (i) => (i.box.usage = { amountMinor: 0, count: 50 })],
    ['wallet_daily_amount_exceeded', (i) => (i.wallet.usage = { amountMinor: 4900, count: 1 })],
    ['wallet_daily_count_exceeded', (i) => (i.wallet.usage = { amountMinor: 0, count: 20 })],
  ];
  for (const [code, change] of cases) assert.equal(evaluatePayment(input(change)), { allow: false, code, flags: [] }, code);
});

evaluate('checks the deny list before the limits', () => {
  const decision = evaluatePayment(input((i) => {
    i.amountMinor = 99_999;
    i.denyLists = { boxes: new Map([['b_1', 'lost']]), wallets: new Set() };
  }));
  assert.is(decision.code, 'box_lost');
});

evaluate('flags bursts at the box and for the wallet, and a spike, without refusing', () => {
  const decision = evaluatePayment(input((i) => {
    i.amountMinor = 1600;
    i.box.recentPaymentTimes = [NOW - 1000, NOW - 2000, NOW - 3000, NOW - 4000];
    i.wallet.recentPaymentTimes = [NOW - 100, NOW - 200, NOW - 300, NOW - 400];
  }));
  assert.equal(decision, { allow: true, flags: ['burst_box', 'burst_wallet', 'amount_spike'] });
});

evaluate('keeps the flags on a refused payment', () => {
  const decision = evaluatePayment(input((i) => {
    i.amountMinor = 2001;
    i.wallet.recentPaymentTimes = [NOW - 1, NOW - 2, NOW - 3, NOW - 4];
  }));
  assert.equal(decision, { allow: false, code: 'transaction_max_exceeded', flags: ['burst_wallet', 'amount_spike'] });
});

evaluate.run();
