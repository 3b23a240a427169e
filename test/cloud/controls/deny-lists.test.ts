import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { denyListCode, type DenyLists } from '../../../cloud/controls/index.ts';

const lists: DenyLists = {
  boxes: new Map([['box_lost', 'lost'], ['box_stolen', 'stolen'], ['box_blocked', 'blocked']]),
  wallets: new Set(['w_bad']),
};

const deny = suite('denyListCode');

deny('names why a listed box is refused', () => {
  assert.is(denyListCode(lists, 'box_lost', 'w_ok'), 'box_lost');
  assert.is(denyListCode(lists, 'box_stolen', 'w_ok'), 'box_stolen');
  assert.is(denyListCode(lists, 'box_blocked', 'w_ok'), 'box_blocked');
});

deny('refuses a listed wallet at a good box', () => {
  assert.is(denyListCode(lists, 'box_ok', 'w_bad'), 'wallet_blocked');
});

deny('reports the box first when both are listed, and nothing when neither is', () => {
  assert.is(denyListCode(lists, 'box_stolen', 'w_bad'), 'box_stolen');
  assert.is(denyListCode(lists, 'box_ok', 'w_ok'), undefined);
});

deny.run();
