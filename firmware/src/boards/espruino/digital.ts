import type { DigitalInput } from '../../core/io.ts';

export interface DigitalOptions {
  pin: string;
  mode: 'input' | 'inputPullDown' | 'inputPullUp' | 'output';
}

const inputModes: Record<string, EspruinoPinMode> = {
  input: 'input',
  inputPullDown: 'input_pulldown',
  inputPullUp: 'input_pullup',
};

/** ECMA-419 Digital on Espruino pins. */
export class Digital implements DigitalInput {
  private readonly pin: string;

  constructor(options: DigitalOptions) {
    this.pin = options.pin;
    // An output is left untouched until its first write: digitalWrite sets the level and the output mode
    // in one step, so the pin never drives a stale level in between.
    if (options.mode !== 'output') {
      const mode = inputModes[options.mode];
      if (mode === undefined) throw new RangeError('bad mode ' + options.mode);
      pinMode(options.pin, mode);
    }
  }

  read(): number {
    return digitalRead(this.pin);
  }

  write(value: number): void {
    digitalWrite(this.pin, value);
  }

  /** Debounced edges both ways (ECMA-419's onReadable, as the core's DigitalInput names it). */
  onChange(listener: (level: number) => void): void {
    const pin = this.pin;
    setWatch(() => listener(digitalRead(pin)), pin, { repeat: true, edge: 'both', debounce: 30 });
  }

  close(): void {
    pinMode(this.pin, 'input');
  }
}
