// require("Storage") for the simulator: the API subset the firmware uses, over a Flash byte array, with
// Espruino's behaviour and messages (src/jsflash.c jsfWriteFile, jswrap_storage.c). See docs/log.md.
import { Flash } from './storage-flash.ts';
import { compact, createFile } from './storage-compact.ts';
import {
  NAME_SIZE, eraseFileAt, findFile, isErased, isRealFile, nameBytes, nameString, storageStats, walk,
} from './storage-jsf.ts';

export { Flash, PowerCut } from './storage-flash.ts';

/** Storage bytes per board (boards/*.py): 10 pages on Puck.js and MDBT42Q, 9 on Pixl.js. */
export const STORAGE_BYTES = { puckjs: 40 * 1024, pixljs: 36 * 1024, mdbt42q: 40 * 1024 } as const;

export type StorageData = string | Uint8Array | ArrayBuffer | number[];

export interface StorageStats {
  totalBytes: number;
  freeBytes: number;
  fileBytes: number;
  fileCount: number;
  trashBytes: number;
  trashCount: number;
}

function toBytes(data: StorageData | object): Uint8Array {
  if (typeof data === 'string') return nameBytesOf(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(data as number[]);
  return nameBytesOf(JSON.stringify(data));
}

function nameBytesOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

export class EspruinoStorage {
  /** Compactions run inside write() because no hole was big enough (Espruino does this silently). */
  autoCompactions = 0;

  constructor(readonly flash: Flash) {}

  write(name: string, data: StorageData | object, offset?: number, size?: number): boolean {
    let at = offset ?? 0;
    let total = size ?? 0;
    let bytes: Uint8Array;
    if (typeof data === 'object' && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer) && !Array.isArray(data)) {
      bytes = toBytes(data);
      at = 0;
      total = 0;
    } else {
      bytes = toBytes(data);
    }
    if (at < 0 || total < 0) return false;
    if (total === 0) total = bytes.length;
    if (total === 0) throw new Error("Can't create zero length file");
    const key = nameBytes(name);
    const found = findFile(this.flash, key);
    let addr = found === undefined ? -1 : found.addr;
    let fileSize = found === undefined ? 0 : found.header.size;
    const wrong = found !== undefined && at === 0 && (found.header.flags !== 0 || total !== fileSize || !isErased(this.flash, addr, total));
    if ((found === undefined && at === 0) || wrong) {
      if (found !== undefined && total === fileSize && found.header.flags === 0 && bytes.length === total && this.equalAt(addr, bytes)) {
        return true;
      }
      if (found !== undefined) eraseFileAt(this.flash, addr);
      const created = createFile(this.flash, key, total, 0);
      if (created.compacted) this.autoCompactions++;
      addr = created.addr;
      fileSize = total;
    }
    if (addr < 0) throw new Error('Unable to find or create file');
    if (at + bytes.length > fileSize) throw new Error('Too much data for file size');
    if (!isErased(this.flash, addr + at, bytes.length)) throw new Error('File already written with different data');
    this.flash.program(addr + at, bytes);
    return true;
  }

  /** A binary string, or undefined when there is no such file. */
  read(name: string, offset?: number, length?: number): string | undefined {
    const bytes = this.readBytes(name, offset ?? 0, length ?? 0);
    return bytes === undefined ? undefined : binaryString(bytes);
  }

  /** On the box this maps flash without copying; here it is a copy of the file's bytes. */
  readArrayBuffer(name: string): ArrayBuffer | undefined {
    const bytes = this.readBytes(name, 0, 0);
    return bytes === undefined ? undefined : (bytes.buffer as ArrayBuffer);
  }

  erase(name: string): void {
    const found = findFile(this.flash, nameBytes(name));
    if (found !== undefined) eraseFileAt(this.flash, found.addr);
  }

  /** Names of live files in flash order (a name can appear twice after a cut during compaction). */
  list(): string[] {
    const names: string[] = [];
    walk(this.flash, (_addr, h) => {
      if (isRealFile(h)) names.push(nameString(h.name));
    });
    return names;
  }

  getFree(): number {
    return storageStats(this.flash).free;
  }

  getStats(): StorageStats {
    const s = storageStats(this.flash);
    return {
      totalBytes: s.total, freeBytes: s.free, fileBytes: s.fileBytes, fileCount: s.fileCount, trashBytes: s.trashBytes,
      trashCount: s.trashCount,
    };
  }

  compact(): void {
    compact(this.flash);
  }

  private readBytes(name: string, offset: number, length: number): Uint8Array | undefined {
    const found = findFile(this.flash, nameBytes(name));
    if (found === undefined) return undefined;
    const fileLen = found.header.size;
    let from = offset < 0 ? 0 : offset;
    let len = length <= 0 ? fileLen : length;
    if (from > fileLen) from = fileLen;
    if (from + len > fileLen) len = fileLen - from;
    return this.flash.read(found.addr + from, len < 0 ? 0 : len);
  }

  private equalAt(addr: number, bytes: Uint8Array): boolean {
    for (let i = 0; i < bytes.length; i++) if (this.flash.bytes[addr + i] !== bytes[i]) return false;
    return true;
  }
}

/** A blank Storage of `size` bytes (e.g. STORAGE_BYTES.puckjs). */
export function createStorage(size: number): EspruinoStorage {
  return new EspruinoStorage(new Flash({ size }));
}

export { NAME_SIZE };
