/** A fault inside the cloud below HTTP (configuration, sealed secrets, services), with a stable `code`. */
export class CloudError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CloudError';
    this.code = code;
  }
}
