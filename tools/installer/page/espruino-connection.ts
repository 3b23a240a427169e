// The BoxConnection over Web Bluetooth, through @espruino-tools/core (its UART object speaks the Nordic UART REPL
// a box keeps on in install mode). Browser only: the page bundle is its one user.
import { DeviceController } from '@espruino-tools/core';
import type { BoxConnection } from './connection.ts';

const CONNECT_TIMEOUT_MS = 30_000;

interface UartConnection { ondata?: (data: string) => void }

export async function connectOverWebBluetooth(): Promise<BoxConnection> {
  const device = new DeviceController();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no box answered (is it in install mode?)')), CONNECT_TIMEOUT_MS);
    void device.connect(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  const listeners: ((text: string) => void)[] = [];
  // The UART keeps one data handler per connection, which its eval needs: ours is chained behind it.
  const uart = device.UART.getConnection() as UartConnection;
  const own = uart.ondata;
  uart.ondata = (data) => {
    own?.(data);
    for (const listener of listeners) listener(data);
  };
  return {
    async eval(expression) {
      const answer = (await device.eval(expression)) as unknown as { data: unknown; log: string };
      if (answer.log !== 'success') throw new Error(`the box could not evaluate ${expression.slice(0, 40)}…`);
      return answer.data;
    },
    write: (text) => new Promise((resolve) => void device.UART.write(text, () => resolve())),
    onOutput(listener) {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
    close: () => new Promise((resolve) => void device.disconnect(() => resolve())),
  };
}
