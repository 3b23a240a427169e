import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { ERR, emptyIvSlot, issueIv, takeIv } from '../../../shared/protocol/index.ts';

const issue = suite('issueIv');

issue('fills the slot with a fresh 16-byte IV and its deadline', () => {
  const slot = emptyIvSlot();
  const iv = issueIv(nodeCrypto, slot, 500, 30);
  assert.is(iv.length, 16);
  assert.is(slot.iv, iv);
  assert.is(slot.expiresMs, 30500);
});

issue('revokes the outstanding IV: one IV per connection', () => {
  const slot = emptyIvSlot();
  const first = issueIv(nodeCrypto, slot, 0, 30);
  const second = issueIv(nodeCrypto, slot, 0, 30);
  assert.is.not(first, second);
  assert.is(takeIv(slot, 1), second);
});

issue.run();

const take = suite('takeIv');

take('returns the IV once, then NO_IV', () => {
  const slot = emptyIvSlot();
  const iv = issueIv(nodeCrypto, slot, 0, 1);
  assert.is(takeIv(slot, 999), iv);
  assert.is(takeIv(slot, 999), ERR.NO_IV);
});

take('returns IV_EXPIRED at the deadline and still empties the slot', () => {
  const slot = emptyIvSlot();
  issueIv(nodeCrypto, slot, 0, 1);
  assert.is(takeIv(slot, 1000), ERR.IV_EXPIRED);
  assert.is(slot.iv, undefined);
});

take.run();
