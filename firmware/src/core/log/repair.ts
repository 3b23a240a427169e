// Undoes what a power cut leaves behind, using only the Storage API (docs/log.md, "Power cuts"):
// - a cut while compaction copies a segment leaves a partial copy before the original, under the same name:
//   the name is listed twice and the first copy is the one read, so erasing it brings the original back;
// - a header torn during such a copy lists as a name with 0xFF bytes (all log names use the full 28 chars);
// - a cut while a segment is created leaves a file without the magic: it holds no record, so it goes.
import { isSegment, segmentBytes } from './segment.ts';
import type { LogStorage } from './types.ts';

function hasErasedByte(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 0xff) return true;
  return false;
}

export function repairSegments(storage: LogStorage, names: string[]): void {
  const listed = storage.list();
  const seen: { [name: string]: number } = {};
  for (let i = 0; i < listed.length; i++) {
    const name = listed[i]!;
    if (hasErasedByte(name)) storage.erase(name);
    else if (names.indexOf(name) >= 0) {
      if (seen[name] === 1) storage.erase(name);
      seen[name] = 1;
    }
  }
  for (let i = 0; i < names.length; i++) {
    // Bounded: each pass erases one file; a healthy segment or no file ends it.
    for (let pass = 0; pass < 3; pass++) {
      const bytes = segmentBytes(storage, names[i]!);
      if (bytes === undefined || isSegment(bytes)) break;
      storage.erase(names[i]!);
    }
  }
}
