import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatSizeTable } from '../../../tools/build/size-report.ts';

const table = suite('formatSizeTable');

table('prints a header and one row per board with the share of Storage all its code (bundle and modules) takes', () => {
  const text = formatSizeTable([
    { board: 'puckjs', rawBytes: 4000, minifiedBytes: 2000, pretokenisedBytes: 1024, modules: [], codeBytes: 1024, storageBytes: 40960 },
    {
      board: 'pixljs', rawBytes: 4100, minifiedBytes: 2100, pretokenisedBytes: 3000, modules: [{ name: 'waygo.m.qr', pretokenisedBytes: 686 }],
      codeBytes: 3686, storageBytes: 36864,
    },
  ]);
  const lines = text.trimEnd().split('\n');
  assert.is(lines.length, 3);
  assert.match(lines[0]!, /^board\s+raw B\s+minified B\s+pretokenised B\s+code B\s+storage B\s+of storage$/);
  assert.match(lines[1]!, /^puckjs\s+4000\s+2000\s+1024\s+1024\s+40960\s+2\.5%$/);
  assert.match(lines[2]!, /^pixljs\s+4100\s+2100\s+3000\s+3686\s+36864\s+10\.0%$/);
});

table.run();
