// jsflash.c's allocation and compaction, step for step, because when and how they touch flash is what the
// log's power-cut safety depends on: compaction slides every file after the first erased one toward the start
// through a circular RAM buffer of at most one page + one header, erasing each destination page just before
// writing into it; file creation compacts by itself when no hole is big enough.
import type { Flash } from './storage-flash.ts';
import {
  HEADER_SIZE, NONE, align, isRealFile, nextHeader, nextPage, readHeader, spaceLeftInPage, storageStats,
} from './storage-jsf.ts';

interface Ring {
  buf: Uint8Array;
  head: number;
  tail: number;
  used: number;
  write: number;
}

function flush(flash: Flash, ring: Ring, readAddress: number): void {
  const size = ring.buf.length;
  let nextFlash = nextPage(flash, ring.write);
  if (nextFlash === NONE) nextFlash = flash.size;
  while (ring.used > 0) {
    let s = ring.used;
    if (s + ring.tail > size) s = size - ring.tail;
    if (s + ring.write > nextFlash) s = nextFlash - ring.write;
    // Still reading from the destination page: writing now would erase bytes not yet copied.
    if (readAddress < nextFlash) return;
    if (ring.write % flash.pageSize === 0) flash.erasePage(ring.write);
    flash.program(ring.write, ring.buf.subarray(ring.tail, ring.tail + s));
    ring.write += s;
    nextFlash = nextPage(flash, ring.write);
    if (nextFlash === NONE) nextFlash = flash.size;
    ring.tail = (ring.tail + s) % size;
    ring.used -= s;
  }
}

function push(ring: Ring, bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i++) {
    ring.buf[ring.head] = bytes[i]!;
    ring.head = (ring.head + 1) % ring.buf.length;
  }
  ring.used += bytes.length;
}

function compactFrom(flash: Flash, start: number, bufferSize: number): boolean {
  const ring: Ring = { buf: new Uint8Array(bufferSize), head: 0, tail: 0, used: 0, write: start };
  let addr = start;
  let h = readHeader(flash, addr);
  while (h !== undefined) {
    if (isRealFile(h)) {
      push(ring, flash.read(addr, HEADER_SIZE));
      let left = align(h.size);
      let ptr = addr + HEADER_SIZE;
      flush(flash, ring, ptr);
      while (left > 0) {
        let s = bufferSize - ring.used;
        if (s > bufferSize - ring.head) s = bufferSize - ring.head;
        if (ring.tail > ring.head && s > ring.tail - ring.head) s = ring.tail - ring.head;
        if (s === 0) return false;
        if (s > left) s = left;
        ring.buf.set(flash.read(ptr, s), ring.head);
        left -= s;
        ptr += s;
        ring.used += s;
        ring.head = (ring.head + s) % bufferSize;
        flush(flash, ring, ptr);
      }
    }
    const n = nextHeader(flash, addr, h, true);
    addr = n.addr;
    h = n.header;
  }
  flush(flash, ring, flash.size);
  let from = ring.write;
  if (from !== start) from = nextPage(flash, from - 1);
  if (from !== NONE) {
    const end = addr === NONE ? flash.size : addr;
    for (let page = from; page + flash.pageSize <= end; page += flash.pageSize) flash.erasePage(page);
  }
  return true;
}

/** Storage.compact(): true when there was erased space to reclaim (RAM for the buffer is assumed). */
export function compact(flash: Flash): boolean {
  const stats = storageStats(flash);
  if (stats.trashBytes === 0) return false;
  // With only erased files left the buffer is never used; 1 byte keeps the ring arithmetic defined.
  const bufferSize = Math.max(1, Math.min(stats.fileBytes, flash.pageSize + HEADER_SIZE));
  return compactFrom(flash, stats.firstPageWithErasedFiles, bufferSize);
}

export interface CreateResult {
  /** Data address, or NONE when there is no room even after compacting. */
  addr: number;
  /** Whether this call ran a compaction (the surprise the log must never meet). */
  compacted: boolean;
}

/** _jsfCreateFile: first hole big enough, else compact once when erased space would make it fit. */
export function createFile(flash: Flash, name: Uint8Array, size: number, flags: number): CreateResult {
  const required = align(size) + HEADER_SIZE;
  let compacted = false;
  for (;;) {
    let addr = 0;
    let freeSpace = 0;
    let trashSpace = 0;
    let freeAddr = NONE;
    do {
      let h = readHeader(flash, addr);
      while (h !== undefined) {
        if (h.firstChars === 0) trashSpace += h.size;
        const n = nextHeader(flash, addr, h, false);
        addr = n.addr;
        h = n.header;
      }
      const space = spaceLeftInPage(flash, addr);
      freeSpace += space;
      if (space < required) addr = addr === NONE ? NONE : nextPage(flash, addr);
      else freeAddr = addr;
    } while (addr !== NONE && freeAddr === NONE);
    if (freeAddr === NONE) {
      if (compacted || required >= freeSpace + trashSpace) return { addr: NONE, compacted };
      compacted = true;
      if (!compact(flash)) return { addr: NONE, compacted };
      continue;
    }
    const header = new Uint8Array(HEADER_SIZE);
    const word = (size | (flags << 24)) >>> 0;
    for (let i = 0; i < 4; i++) header[i] = (word >>> (8 * i)) & 0xff;
    header.set(name, 4);
    flash.program(freeAddr, header);
    return { addr: freeAddr + HEADER_SIZE, compacted };
  }
}
