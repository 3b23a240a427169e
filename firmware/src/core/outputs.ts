import type { OutputChannel } from './io.ts';

/** Drives every output to its inactive level: at boot and after any fault no machine may be triggered. */
export function setOutputsInactive(outputs: OutputChannel[]): void {
  for (let i = 0; i < outputs.length; i++) {
    const output = outputs[i]!;
    output.io.write(output.activeLevel === 1 ? 0 : 1);
  }
}
