import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BOOT_FILE, countBoot } from '../../../firmware/src/core/boot-counter.ts';
import { createStorage } from '../../../tools/simulator/storage.ts';

const boots = suite('countBoot');

boots('counts 0, 1, 2… across boots, past a re-creation of its file', () => {
  const storage = createStorage(40 * 1024);
  for (let i = 0; i < 600; i++) assert.is(countBoot(storage), i);
});

boots('writes only into erased bytes between re-creations, so booting leaves no trash for a compaction', () => {
  const storage = createStorage(40 * 1024);
  countBoot(storage);
  const trash = storage.getStats().trashBytes;
  for (let i = 0; i < 100; i++) countBoot(storage);
  assert.is(storage.getStats().trashBytes, trash);
});

boots('starts again from zero when its file is missing or foreign', () => {
  const storage = createStorage(40 * 1024);
  storage.write(BOOT_FILE, 'not a counter');
  assert.is(countBoot(storage), 0);
  assert.is(countBoot(storage), 1);
});

boots.run();
