// The box player lives with the load tool (tools/ must not import tests); tests keep importing it from here.
export { BoxPlayer, PaymentBox } from '../../tools/cloud-load/box-player.ts';
