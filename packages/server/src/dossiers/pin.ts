import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** Digits of a lookup PIN (printed on the receipt slip next to the dossier code). */
export const PIN_DIGITS = 6;

const KEY_LENGTH = 32;
// scrypt's default cost (N = 16384): tens of milliseconds per guess, so a stolen table is slow to search.
const COST = { N: 16_384, r: 8, p: 1 } as const;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * A new lookup PIN: {@link PIN_DIGITS} random decimal digits.
 *
 * @example
 * ```ts
 * newPin(); // '048213'
 * ```
 */
export function newPin(): string {
  return String(randomInt(0, 10 ** PIN_DIGITS)).padStart(PIN_DIGITS, '0');
}

/**
 * The stored form of a PIN: `scrypt$<salt>$<hash>`, base64url; the PIN itself is never stored.
 *
 * @example
 * ```ts
 * const stored = await hashPin('048213');
 * await verifyPin('048213', stored); // true
 * ```
 */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** A stored hash for unknown codes, so a lookup of a code that does not exist takes as long as a wrong PIN. */
const DECOY = `scrypt$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

/**
 * Whether `pin` matches a stored hash, in constant time. With `stored` undefined (unknown code) it still spends
 * the same work and answers false.
 *
 * @example
 * ```ts
 * await verifyPin('000000', undefined); // false, after as long as a real check
 * ```
 */
export async function verifyPin(pin: string, stored: string | undefined): Promise<boolean> {
  const [scheme, salt, hash] = (stored ?? DECOY).split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(pin, Buffer.from(salt, 'base64url'));
  return stored !== undefined && expected.length === actual.length && timingSafeEqual(expected, actual);
}
