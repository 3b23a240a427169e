/** The box crypto layer's error: a plain Error with a stable `code` (subclassing Error breaks on Espruino). */
export interface CryptoError extends Error {
  /** 'bad_input' (key, IV or length wrong), 'native_failed' (the built-in returned nothing), 'missing' (no code for a primitive). */
  code: string;
}

export function cryptoError(code: string, message: string): CryptoError {
  const error = new Error(message) as CryptoError;
  error.code = code;
  return error;
}
