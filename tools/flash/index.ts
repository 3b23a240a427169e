export { FlashError, type FlashErrorCode } from './errors.ts';
export { firmwareFiles } from './firmware-files.ts';
export { replayUpload, type ReplayResult } from './replay.ts';
export { sendToBox, type SendOptions } from './send.ts';
export { fileCheckLine, unconfirmedFile, uploadCode, type StorageFile, type UploadFinish } from './upload-code.ts';
