// NOR flash as the nRF52 has it: 4 KB pages, erase sets a page to 0xFF, programming can only clear bits.
// Every programmed byte and every page erase is one numbered event, so a test can stop the world before any
// of them (a power cut) and boot again over exactly the bytes that made it.

export class PowerCut extends Error {
  readonly code = 'POWER_CUT';
  constructor(event: number) {
    super('power cut at flash event ' + event);
  }
}

export interface FlashOptions {
  size: number;
  pageSize?: number;
  /** Initial contents (copied), e.g. the bytes left by an earlier power cut. */
  bytes?: Uint8Array;
}

export class Flash {
  readonly bytes: Uint8Array;
  readonly pageSize: number;
  /** Erases per page since this Flash was built (wear). */
  readonly erases: number[];
  /** Events (bytes programmed + pages erased) performed so far. */
  events = 0;
  private cutAt: number | undefined;
  private dead = false;

  constructor(options: FlashOptions) {
    this.pageSize = options.pageSize ?? 4096;
    if (options.size % this.pageSize !== 0) throw new RangeError('flash size must be whole pages');
    this.bytes = new Uint8Array(options.size).fill(0xff);
    if (options.bytes !== undefined) this.bytes.set(options.bytes.subarray(0, options.size));
    this.erases = new Array<number>(options.size / this.pageSize).fill(0);
  }

  get size(): number {
    return this.bytes.length;
  }

  /** Cuts the power before event number `event` (counted from this Flash's first event, 0-based). */
  cutBefore(event: number | undefined): void {
    this.cutAt = event;
  }

  isDead(): boolean {
    return this.dead;
  }

  /** Power back on: a new Flash over the same bytes, wear carried over, no cut armed. */
  reboot(): Flash {
    const next = new Flash({ size: this.size, pageSize: this.pageSize, bytes: this.bytes });
    for (let i = 0; i < this.erases.length; i++) next.erases[i] = this.erases[i]!;
    return next;
  }

  read(addr: number, length: number): Uint8Array {
    return this.bytes.slice(addr, addr + length);
  }

  /** Programs bytes in order; a bit already 0 stays 0 (AND), as NOR flash does. */
  program(addr: number, data: Uint8Array): void {
    if (addr < 0 || addr + data.length > this.size) throw new RangeError('program outside flash');
    for (let i = 0; i < data.length; i++) {
      this.tick();
      this.bytes[addr + i]! &= data[i]!;
    }
  }

  erasePage(addr: number): void {
    const page = Math.floor(addr / this.pageSize);
    if (page < 0 || page >= this.erases.length) throw new RangeError('erase outside flash');
    this.tick();
    this.bytes.fill(0xff, page * this.pageSize, (page + 1) * this.pageSize);
    this.erases[page]!++;
  }

  private tick(): void {
    if (this.dead || (this.cutAt !== undefined && this.events >= this.cutAt)) {
      this.dead = true;
      throw new PowerCut(this.events);
    }
    this.events++;
  }
}
