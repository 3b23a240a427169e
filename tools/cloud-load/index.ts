export { BoxPlayer, PaymentBox } from './box-player.ts';
export { forkLoad } from './fork.ts';
export { runLoad, type LoadJob, type LoadResult, type Scenario } from './load.ts';
export { LOAD_SKU, seedLoadWorld, type LoadWorld } from './seed.ts';
export { signed, type SignOptions, type WalletCredentials } from './wallet-client.ts';
export { startLoadServer, type LoadServer } from './server.ts';
