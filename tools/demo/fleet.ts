// A box as it leaves the bench: the built firmware flashed into its Storage with the upload text `waygo flash`
// sends, keys written with the upload `waygo provision` sends, then booted from that Storage (the pretokenised
// .bootcde, as the chip runs it) in the Espruino simulator. Its configuration comes later, by CONFIG telegram.
import type { BoardData } from '../../firmware/src/core/board.ts';
import { findBoard } from '../build/index.ts';
import { firmwareFiles, replayUpload, uploadCode, type StorageFile } from '../flash/index.ts';
import { createSimulatedBox, type SimulatedBox } from '../simulator/index.ts';
import { untokenise } from '../simulator/pretokens.ts';
import { createStorage, type EspruinoStorage } from '../simulator/storage.ts';
import type { DemoMachine } from './scenarios.ts';

export interface DemoBox {
  machine: DemoMachine;
  board: BoardData;
  box: SimulatedBox;
  storage: EspruinoStorage;
}

function bootcde(storage: EspruinoStorage): string {
  const bytes = new Uint8Array(storage.readArrayBuffer('.bootcde')!);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return untokenise(text);
}

export interface FleetOptions {
  buildDir: string;
  /** Registers the box with the cloud and answers the Storage files holding its keys. */
  provision(boxId: string): Promise<StorageFile[]>;
}

export async function bringUpBox(machine: DemoMachine, options: FleetOptions, seed: number): Promise<DemoBox> {
  const board = findBoard(machine.board)!;
  const storage = createStorage(board.storageBytes);
  replayUpload(uploadCode(await firmwareFiles(board, options.buildDir), 'none'), storage);
  replayUpload(uploadCode(await options.provision(machine.boxId), 'reboot'), storage);
  const box = createSimulatedBox({ board, code: bootcde(storage), storage, seed, battery: 87 });
  return { machine, board, box, storage };
}
