// The request signer lives with the load tool (tools/ must not import tests); tests keep importing it from here.
export { signed, type SignOptions, type WalletCredentials } from '../../tools/cloud-load/wallet-client.ts';
