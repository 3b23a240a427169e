// Its own process: the espruino package loads its tool files into the global scope and redefines `require`.
// Sends one upload text, exactly as given, through the tools' throttled writer (it paces each Storage.write line)
// and reports progress and the box's output over IPC.
import { createRequire } from 'node:module';

interface Job { port: string; text: string; ble: boolean; holdMs: number }
interface EspruinoGlobal {
  Config: Record<string, unknown>;
  Core: {
    Status: unknown;
    Utils: { addRecognisedDeviceAddress(address: string): void };
    Serial: {
      startListening(fn: (data: ArrayBuffer) => void): void;
      open(port: string, opened: (status: unknown) => void, closed: () => void): void;
      write(data: string, showStatus: boolean, done: () => void): void;
      close(): void;
    };
  };
}

const send = (message: object) => process.send!(message);

process.once('message', (job: Job) => {
  const espruino = createRequire(import.meta.url)('espruino') as { init(done: () => void): void };
  espruino.init(() => {
    const E = (globalThis as unknown as { Espruino: EspruinoGlobal }).Espruino;
    // As the espruino CLI sets up a port: BLE through noble only (the D-Bus route needs a system bus), a BLE
    // address registered as a recognised device, a tcp:// port listed for the socket transport.
    E.Config.BLUETOOTH_LOW_ENERGY_DBUS = false;
    if (!job.ble) E.Config.BLUETOOTH_LOW_ENERGY = false;
    else E.Core.Utils.addRecognisedDeviceAddress(job.port);
    if (job.port.startsWith('tcp://')) E.Config.SERIAL_TCPIP = [job.port];
    let total = 0;
    let sent = 0;
    E.Core.Status = {
      setStatus: (_text: string, length?: number) => {
        if (length === undefined) return;
        total = length;
        sent = 0;
      },
      hasProgress: () => total > 0,
      incrementProgress: (amount: number) => {
        sent += amount;
        // The tools' own question on connecting (process.env) is not part of the upload.
        if (total === job.text.length) send({ progress: Math.min(sent, total), total });
      },
      showStatusWindow: () => undefined,
      hideStatusWindow: () => undefined,
    };
    E.Core.Serial.startListening((data) => send({ output: Buffer.from(data).toString('latin1') }));
    let finished = false;
    const finish = (message: object) => {
      if (finished) return;
      finished = true;
      send(message);
      setTimeout(() => process.exit(0), 100);
    };
    let written = false;
    // The parent ends the link early once the box has confirmed what it needed to see.
    process.on('message', (m: { close?: boolean }) => {
      if (m.close !== true) return;
      E.Core.Serial.close();
      finish({ done: true });
    });
    // Listening must not keep the process alive: a refused connection ends it, which the parent reports.
    process.channel?.unref();
    E.Core.Serial.open(job.port, (status) => {
      if (status === undefined) return finish({ error: `unable to connect to ${job.port}` });
      const hold = () => {
        if (written) return;
        written = true;
        setTimeout(() => {
          E.Core.Serial.close();
          finish({ done: true });
        }, job.holdMs);
      };
      // The tools call back only for a text longer than one 512-byte write block; a short one (a wiring test) is
      // given the time 20-byte BLE writes would take.
      E.Core.Serial.write(job.text, true, hold);
      if (job.text.length <= 512) setTimeout(hold, 2000 + Math.ceil(job.text.length / 20) * 50);
    }, () => finish({ closed: true, written }));
  });
});
