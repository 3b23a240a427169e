import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR } from '../../../../shared/protocol/index.ts';
import { configError, paymentError } from '../../../../firmware/src/core/machine/index.ts';
import { config, payment } from './harness.ts';

const configErrorSuite = suite('configError');

configErrorSuite('accepts a complete configuration for each of the six scenarios', () => {
  for (let scenario = 1; scenario <= 6; scenario++) assert.is(configError(config({ scenario })), 0, `scenario ${scenario}`);
});

configErrorSuite('refuses an unknown or unset scenario with BAD_FIELD', () => {
  assert.is(configError(config({ scenario: 0 })), ERR.BAD_FIELD);
  assert.is(configError(config({ scenario: 7 })), ERR.BAD_FIELD);
});

configErrorSuite('refuses a zero pulse width where pulses are sent, and accepts it where none are', () => {
  for (const scenario of [2, 3, 4]) assert.is(configError(config({ scenario, pulseMs: 0 })), ERR.BAD_FIELD);
  for (const scenario of [1, 5, 6]) assert.is(configError(config({ scenario, pulseMs: 0 })), 0);
});

configErrorSuite('refuses pay by count without a gap or pulses per unit', () => {
  assert.is(configError(config({ gapMs: 0 })), ERR.BAD_FIELD);
  assert.is(configError(config({ pulsesPerUnit: 0 })), ERR.BAD_FIELD);
});

configErrorSuite('refuses windowed scenarios without unit seconds, and output scenarios without outputs or price', () => {
  for (const scenario of [1, 3, 4]) assert.is(configError(config({ scenario, unitSeconds: 0 })), ERR.BAD_FIELD);
  for (const scenario of [1, 2, 3, 4]) {
    assert.is(configError(config({ scenario, outputMask: 0 })), ERR.BAD_FIELD);
    assert.is(configError(config({ scenario, unitPrice: 0 })), ERR.BAD_FIELD);
  }
});

configErrorSuite('refuses outputs beyond the four, no currency or limit, no baud rate and parity 3', () => {
  assert.is(configError(config({ outputMask: 0x10 })), ERR.BAD_FIELD);
  assert.is(configError(config({ currency: 0 })), ERR.BAD_FIELD);
  assert.is(configError(config({ maxAmount: 0 })), ERR.BAD_FIELD);
  assert.is(configError(config({ scenario: 5, uartBaud: 0 })), ERR.BAD_FIELD);
  assert.is(configError(config({ uartFraming: 0x38 })), ERR.BAD_FIELD);
});

configErrorSuite.run();

const paymentErrorSuite = suite('paymentError');

paymentErrorSuite('accepts a payment of units × unitPrice in the configured currency and scenario', () => {
  assert.is(paymentError(config(), payment({ units: 3, amount: 300 })), 0);
});

paymentErrorSuite('answers NOT_ACTIVATED without a configuration', () => {
  assert.is(paymentError(undefined, payment()), ERR.NOT_ACTIVATED);
});

paymentErrorSuite('answers SCENARIO_MISMATCH, then AMOUNT_OVER_LIMIT, then BAD_FIELD', () => {
  assert.is(paymentError(config(), payment({ scenario: 1 })), ERR.SCENARIO_MISMATCH);
  assert.is(paymentError(config({ maxAmount: 200 }), payment({ units: 3, amount: 300 })), ERR.AMOUNT_OVER_LIMIT);
  assert.is(paymentError(config(), payment({ currency: 978 })), ERR.BAD_FIELD);
  assert.is(paymentError(config(), payment({ amount: 0, units: 0 })), ERR.BAD_FIELD);
});

paymentErrorSuite('refuses an amount that is not units × unitPrice', () => {
  assert.is(paymentError(config(), payment({ units: 2, amount: 100 })), ERR.BAD_FIELD);
  assert.is(paymentError(config(), payment({ units: 1, amount: 101 })), ERR.BAD_FIELD);
});

paymentErrorSuite('refuses an output the configuration does not drive', () => {
  assert.is(paymentError(config(), payment({ outputIndex: 2 })), ERR.BAD_FIELD);
  assert.is(paymentError(config(), payment({ outputIndex: 33 })), ERR.BAD_FIELD);
});

paymentErrorSuite('lets the digital interface run without a unit price, and checks it when one is set', () => {
  const digital = { scenario: 5, outputIndex: 9, units: 2, amount: 150 };
  assert.is(paymentError(config({ scenario: 5, unitPrice: 0 }), payment(digital)), 0);
  assert.is(paymentError(config({ scenario: 5, unitPrice: 100 }), payment(digital)), ERR.BAD_FIELD);
  assert.is(paymentError(config({ scenario: 5, unitPrice: 0 }), payment({ ...digital, units: 0 })), ERR.BAD_FIELD);
});

paymentErrorSuite('takes any amount up to the limit at the merchant counter, units and output ignored', () => {
  assert.is(paymentError(config({ scenario: 6 }), payment({ scenario: 6, amount: 1234, units: 0, outputIndex: 7 })), 0);
});

paymentErrorSuite.run();
