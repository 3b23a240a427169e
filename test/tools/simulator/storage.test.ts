import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EspruinoStorage, Flash, PowerCut, createStorage } from '../../../tools/simulator/storage.ts';

const storage = suite('EspruinoStorage');

storage('writes at an offset only into bytes still 0xFF', () => {
  const s = createStorage(16384);
  s.write('f', 'ab', 0, 8);
  s.write('f', 'cd', 2);
  assert.is(s.read('f', 0, 4), 'abcd');
  assert.throws(() => s.write('f', 'x', 1), /File already written with different data/);
  assert.throws(() => s.write('f', 'toolong', 4), /Too much data for file size/);
  assert.throws(() => s.write('nofile', 'x', 3), /Unable to find or create file/);
});

storage('erase keeps the space used until compact, and compact gives it back', () => {
  const s = createStorage(16384);
  s.write('a', new Uint8Array(1000));
  s.write('b', new Uint8Array(1000));
  const free = s.getFree();
  s.erase('a');
  assert.is(s.read('a'), undefined);
  assert.is(s.getFree(), free);
  assert.is(s.getStats().trashCount, 1);
  s.compact();
  assert.is(s.getFree(), free + 1032);
  assert.equal(new Uint8Array(s.readArrayBuffer('b')!), new Uint8Array(1000));
});

storage('creating a file with no hole left compacts inside the write', () => {
  const s = createStorage(8192);
  s.write('a', new Uint8Array(4000).fill(1));
  s.write('b', new Uint8Array(4000).fill(2));
  s.erase('a');
  s.write('c', new Uint8Array(3000).fill(3));
  assert.is(s.autoCompactions, 1);
  assert.equal(s.list(), ['b', 'c']);
});

storage('full storage throws "Unable to find or create file"', () => {
  const s = createStorage(8192);
  s.write('a', new Uint8Array(8000));
  assert.throws(() => s.write('b', new Uint8Array(500)), /Unable to find or create file/);
});

storage('names longer than 28 characters are truncated and collide', () => {
  const s = createStorage(8192);
  s.write('x'.repeat(28) + 'one', 'first');
  s.write('x'.repeat(28) + 'two', 'second');
  assert.is(s.read('x'.repeat(28) + 'one'), 'second');
  assert.equal(s.list(), ['x'.repeat(28)]);
});

storage('rewriting at offset 0 re-creates the file at the end', () => {
  const s = createStorage(8192);
  s.write('a', 'one');
  s.write('b', 'two');
  s.write('a', 'uno');
  assert.equal(s.list(), ['b', 'a']);
  assert.is(s.getStats().trashCount, 1);
});

storage.run();

const cut = suite('Flash power cut');

cut('stops before event N: earlier bytes programmed, the rest still 0xFF, later calls fail', () => {
  const flash = new Flash({ size: 8192 });
  const s = new EspruinoStorage(flash);
  flash.cutBefore(32 + 3);
  assert.throws(() => s.write('a', 'abcdef'), (e: unknown) => e instanceof PowerCut);
  assert.ok(flash.isDead());
  assert.throws(() => s.write('b', 'x'), (e: unknown) => e instanceof PowerCut);
  const after = new EspruinoStorage(flash.reboot());
  assert.is(after.read('a'), 'abc\xff\xff\xff');
});

cut('a page erase is either done or not, and counts as wear', () => {
  const flash = new Flash({ size: 8192 });
  flash.program(0, new Uint8Array([1, 2]));
  flash.cutBefore(flash.events + 1);
  flash.erasePage(0);
  assert.throws(() => flash.erasePage(4096), (e: unknown) => e instanceof PowerCut);
  assert.equal(flash.erases, [1, 0]);
  assert.is(flash.bytes[0], 0xff);
});

cut('a cut while compaction copies a file leaves the partial copy first, the original after it', () => {
  const base = createStorage(16384);
  base.write('a', new Uint8Array(4064).fill(1));
  base.write('b', new Uint8Array(4064).fill(2));
  base.erase('a');
  const flash = base.flash.reboot();
  flash.cutBefore(1 + 32 + 100);
  assert.throws(() => new EspruinoStorage(flash).compact(), (e: unknown) => e instanceof PowerCut);
  const s = new EspruinoStorage(flash.reboot());
  assert.equal(s.list(), ['b', 'b']);
  assert.is(new Uint8Array(s.readArrayBuffer('b')!)[200], 0xff);
  s.erase('b');
  assert.equal(new Uint8Array(s.readArrayBuffer('b')!), new Uint8Array(4064).fill(2));
});

cut.run();
