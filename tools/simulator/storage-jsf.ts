// The on-flash file system of Espruino's Storage, ported from src/jsflash.c (2v29) for one bank on a board
// without a filename table (nRF52): a 32-byte header (size | flags << 24, then a 0-padded 28-byte name) before
// each file, files 4-byte aligned and packed one after the other, erase = zero the name's first word.
import type { Flash } from './storage-flash.ts';

export const HEADER_SIZE = 32;
export const NAME_SIZE = 28;
const ALIGN = 4;
const UNSET = 0xffffffff;
/** No address (jsflash uses 0, which is a real address here). */
export const NONE = -1;

export interface Header {
  size: number;
  flags: number;
  /** 0 when the file was erased ("replaced"). */
  firstChars: number;
  name: Uint8Array;
}

export function align(n: number): number {
  return (n + ALIGN - 1) & ~(ALIGN - 1);
}

export function nameBytes(name: string): Uint8Array {
  const out = new Uint8Array(NAME_SIZE);
  for (let i = 0; i < name.length && i < NAME_SIZE; i++) out[i] = name.charCodeAt(i) & 0xff;
  return out;
}

export function nameString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

export function readHeader(flash: Flash, addr: number): Header | undefined {
  if (addr === NONE || addr + HEADER_SIZE > flash.size) return undefined;
  const raw = u32(flash.bytes, addr);
  const header = { size: raw & 0xffffff, flags: raw >>> 24, firstChars: u32(flash.bytes, addr + 4), name: flash.read(addr + 4, NAME_SIZE) };
  const valid = raw !== UNSET && raw !== 0 && addr + HEADER_SIZE + header.size <= flash.size;
  return valid ? header : undefined;
}

/** Files the compactor keeps and list() shows: not erased, and no unknown flag combination. */
export function isRealFile(h: Header): boolean {
  return h.firstChars !== 0 && (h.flags === 0 || h.flags === 64 || h.flags === 128);
}

export function nextPage(flash: Flash, addr: number): number {
  const next = (Math.floor(addr / flash.pageSize) + 1) * flash.pageSize;
  return next >= flash.size ? NONE : next;
}

/** jsfGetSpaceLeftInPage: to the next page, or to the end when the next page starts with no header. */
export function spaceLeftInPage(flash: Flash, addr: number): number {
  if (addr === NONE) return 0;
  let next = (Math.floor(addr / flash.pageSize) + 1) * flash.pageSize;
  if (next < flash.size && readHeader(flash, next) === undefined) next = flash.size;
  return next - addr;
}

/** jsfGetNextFileHeader: the next header after the file at `addr`; with `all`, skips to the next page once. */
export function nextHeader(flash: Flash, addr: number, header: Header, all: boolean): { addr: number; header: Header | undefined } {
  let next = align(addr + HEADER_SIZE + header.size);
  if (next + HEADER_SIZE > flash.size) return { addr: NONE, header: undefined };
  let found = readHeader(flash, next);
  if (all && found === undefined) {
    next = nextPage(flash, next);
    if (next === NONE) return { addr: NONE, header: undefined };
    found = readHeader(flash, next);
  }
  return { addr: next, header: found };
}

/** Calls `visit` for every header (live, erased or foreign) in flash order. */
export function walk(flash: Flash, visit: (addr: number, h: Header) => void): void {
  let addr = 0;
  let h = readHeader(flash, addr);
  while (h !== undefined) {
    visit(addr, h);
    const n = nextHeader(flash, addr, h, true);
    addr = n.addr;
    h = n.header;
  }
}

export function findFile(flash: Flash, name: Uint8Array): { addr: number; header: Header } | undefined {
  let hit: { addr: number; header: Header } | undefined;
  walk(flash, (addr, h) => {
    if (hit !== undefined || h.firstChars === 0) return;
    let same = true;
    for (let i = 0; i < NAME_SIZE; i++) if (h.name[i] !== name[i]) same = false;
    if (same) hit = { addr: addr + HEADER_SIZE, header: h };
  });
  return hit;
}

export interface Stats {
  total: number;
  free: number;
  fileBytes: number;
  fileCount: number;
  trashBytes: number;
  trashCount: number;
  /** Where compaction starts: the last page before the first erased file that begins with a header. */
  firstPageWithErasedFiles: number;
}

export function storageStats(flash: Flash): Stats {
  const s: Stats = { total: flash.size, free: 0, fileBytes: 0, fileCount: 0, trashBytes: 0, trashCount: 0, firstPageWithErasedFiles: NONE };
  let lastAddr = 0;
  let unbroken = 0;
  walk(flash, (addr, h) => {
    if (addr % flash.pageSize === 0) unbroken = addr;
    const bytes = align(h.size) + HEADER_SIZE;
    lastAddr = addr + bytes;
    if (h.firstChars !== 0) {
      s.fileBytes += bytes;
      s.fileCount++;
    } else {
      s.trashBytes += bytes;
      s.trashCount++;
      if (s.firstPageWithErasedFiles === NONE) s.firstPageWithErasedFiles = unbroken;
    }
  });
  s.free = flash.size - lastAddr;
  return s;
}

export function isErased(flash: Flash, addr: number, length: number): boolean {
  for (let i = addr; i < addr + length; i++) if (flash.bytes[i] !== 0xff) return false;
  return true;
}

export function eraseFileAt(flash: Flash, dataAddr: number): void {
  flash.program(dataAddr - HEADER_SIZE + 4, new Uint8Array(4));
}
