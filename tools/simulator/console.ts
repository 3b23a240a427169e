/** A console.log line as the interpreter prints it: arguments joined by spaces, values in JSON-like form. */
export function formatLog(args: unknown[]): string {
  return args.map(format).join(' ');
}

function format(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return 'function () { … }';
  if (value === undefined || typeof value !== 'object' || value === null) return String(value);
  if (ArrayBuffer.isView(value)) return 'new Uint8Array([' + Array.from(value as Uint8Array).join(', ') + '])';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
