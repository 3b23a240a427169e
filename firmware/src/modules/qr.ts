// The Storage module `waygo.m.qr` (tools/build/targets.ts): the QR encoder runs only when the idle screen's
// payload changes, so its code stays in flash and its functions exist in RAM only while one image is made.
import { payloadImage } from '../core/display/qr-image.ts';
import type { QrModule } from '../core/modules.ts';

declare const exports: QrModule;

exports.qrImage = payloadImage;
