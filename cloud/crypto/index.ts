export { Kek, parseKek } from './kek.ts';
export { openSecret, sealSecret } from './seal.ts';
