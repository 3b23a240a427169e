// Operator passwords: scrypt at OWASP's recommended cost, stored self-describing so the cost can be raised later
// without invalidating existing hashes (each hash is verified with the parameters it was made with).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { CloudError } from '../../errors/cloud-error.ts';

/** OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB per hash). */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that a huge body cannot make the hash itself costly. */
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node refuses anything above maxmem (32 MiB by default).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_COST;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`; a malformed stored hash never matches. Compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_BYTES || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, Buffer.from(parts[4]!, 'base64url'), N, r, p);
  return timingSafeEqual(key, expected);
}

/**
 * A hash at the production cost of a random password nobody kept, verified when the email is unknown (or the
 * account cannot sign in) so that the answer's timing does not say which accounts exist. A constant, so even
 * the first such login costs exactly one scrypt.
 */
export const DUMMY_PASSWORD_HASH = 'scrypt$131072$8$1$eFcGm84EmKjta6iBbJw7Fw$Bma8eWhE5wL3OR7sg9_Rbfr5V9N3QFpBWEpvG-dU0OZ2J7WM61UUs-HRS_3O_qqvK64epYT0z_LEsLE0UF0l_Q';

/** Throws CloudError `password_weak` when the password breaks the policy. */
export function checkPasswordPolicy(password: string, email: string): void {
  const weak = (message: string) => new CloudError('password_weak', message);
  if (password.length < MIN_PASSWORD_LENGTH) throw weak(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw weak(`the password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) throw weak('the password must not be the email address');
}
